namespace Uplink.Demo;

/// <summary>The config <c>uplink demo</c> runs: the stand-in API watched the way an app uses it.</summary>
internal static class DemoConfig
{
    public static string Yaml(string apiUrl) => $$$"""
        # Written by `uplink demo`: the monitors it runs against its stand-in mobile API.
        defaults:
          interval: 10s
          timeout: 8s

        monitors:
          - name: app-launch
            kind: flow
            group: launch
            budget: 1500ms
            steps:
              - name: token-refresh
                method: POST
                url: {{{apiUrl}}}/v1/auth/refresh
                operation: auth-refresh
                expect:
                  status: 200
                  json:
                    $.accessToken: { exists: true }
                extract:
                  token: $.accessToken
              - name: profile
                url: {{{apiUrl}}}/v1/me
                operation: data-fetch
                headers:
                  Authorization: Bearer {{token}}
                expect:
                  status: 200
                  json:
                    $.plan: pro
              - name: configuration
                url: {{{apiUrl}}}/v1/config
                operation: data-fetch
                expect:
                  json:
                    $.minimumAppVersion: { matches: '^\d+\.\d+\.\d+$' }

          - name: search
            group: core
            url: {{{apiUrl}}}/v1/search?q=shoes
            operation: search
            expect:
              status: 200
              json:
                $.total: { min: 1 }
              size: { max: 64KB }

          - name: remote-config
            group: core
            url: {{{apiUrl}}}/v1/config
            operation: data-fetch
            expect:
              headers:
                Content-Type: { contains: json }

          - name: photo-upload
            group: media
            method: POST
            url: {{{apiUrl}}}/v1/media
            operation: file-upload
            headers:
              Content-Type: application/octet-stream
            body: demo-photo-bytes
            expect:
              status: 201
        """;
}
