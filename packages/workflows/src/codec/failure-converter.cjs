// Loaded by path (`failureConverterPath`): Node requires it in clients and workers, and the
// worker's bundler puts it in the workflow sandbox, so it is plain CommonJS with no TypeScript.
// Failure messages and stack traces go into one payload, sealed by the codec like every other:
// an activity's message can carry what the step was given (a teacher's id, a row's key).
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
