/**
 * The HTTP layer: routes in one place ({@link ai.perstack.server.http.HttpApi}), thin handlers,
 * and the pipeline every call goes through (auth, rate limit, body limit, idempotency, errors).
 */
package ai.perstack.server.http;
