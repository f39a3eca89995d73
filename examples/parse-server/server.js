// An unmodified Parse Server, mounted on Express as the parse-server package documents.
// run.sh sets the environment below; this file only wires the options together.
'use strict';

const express = require('express');
const { ParseServer } = require('parse-server');
const FSFilesAdapter = require('@parse/fs-files-adapter');

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`server.js: the environment variable ${name} is not set (start it with run.sh start)`);
    process.exit(2);
  }
  return value;
}

const host = '127.0.0.1';
const port = Number(process.env.PARSE_PORT || 1337);
const stateDir = required('PARSE_STATE_DIR');
const serverURL = `http://${host}:${port}/parse`;

// @parse/fs-files-adapter stores under ./files relative to the working directory.
process.chdir(stateDir);

const server = new ParseServer({
  appId: required('PARSE_APP_ID'),
  masterKey: required('PARSE_MASTER_KEY'),
  restAPIKey: required('PARSE_REST_KEY'),
  databaseURI: required('PARSE_DATABASE_URI'),
  serverURL,
  // File URLs in responses are built from this, so they point at the loopback address.
  publicServerURL: serverURL,
  masterKeyIps: ['127.0.0.1', '::1'],
  allowClientClassCreation: false,
  filesAdapter: new FSFilesAdapter(),
  fileUpload: {
    // The media-upload monitor uploads with the REST key only, like an app before log-in.
    enableForPublic: true,
    enableForAnonymousUser: false,
    // Only name-based files; no objects pointing at files elsewhere.
    allowedFileUrlDomains: [],
    enableForAuthenticatedUser: true,
  },
  // Adopt the announced future defaults now, which also keeps the log free of deprecation warnings.
  enableProductPurchaseLegacyApi: false,
  allowExpiredAuthDataToken: false,
  readOnlyMasterKeyIps: ['127.0.0.1', '::1'],
  pages: { encodePageParamHeaders: true },
  requestComplexity: {
    includeDepth: 10,
    includeCount: 100,
    subqueryDepth: 10,
    queryDepth: 10,
    graphQLDepth: 20,
    graphQLFields: 200,
    batchRequestLimit: 100,
  },
  protectedFieldsOwnerExempt: false,
  protectedFieldsTriggerExempt: true,
  protectedFieldsSaveResponseExempt: false,
  installation: { duplicateDeviceTokenActionEnforceAuth: true },
  allowAggregationForReadOnlyMasterKey: false,
  logLevel: process.env.PARSE_LOG_LEVEL || 'info',
  // run.sh keeps stdout in .state/parse-server.log; no second, rotated copy.
  logsFolder: null,
});

async function main() {
  await server.start();
  const app = express();
  app.use('/parse', server.app);
  const httpServer = app.listen(port, host, () => {
    console.log(`parse-server listening on ${serverURL}`);
  });
  httpServer.on('error', (error) => {
    console.error(`parse-server could not listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });
  const shutDown = (signal) => {
    console.log(`parse-server stopping on ${signal}`);
    httpServer.close();
    server.handleShutdown().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => shutDown('SIGTERM'));
  process.on('SIGINT', () => shutDown('SIGINT'));
}

main().catch((error) => {
  console.error('parse-server failed to start:', error);
  process.exit(1);
});
