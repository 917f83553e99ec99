package ai.perstack.server.http;

/**
 * A handler of a request whose body is raw bytes ({@code application/octet-stream}), given the
 * body as it arrives instead of whole, so a file far larger than the JSON body cap never sits in
 * memory.
 */
@FunctionalInterface
interface RawHandler {
    Reply handle(ApiRequest request, java.io.InputStream body) throws Exception;
}
