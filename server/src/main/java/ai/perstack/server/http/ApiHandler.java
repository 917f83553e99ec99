package ai.perstack.server.http;

/** A thin endpoint handler: parse the request, call the domain, render the result. */
@FunctionalInterface
interface ApiHandler {
    Reply handle(ApiRequest request) throws Exception;
}
