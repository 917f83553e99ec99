package ai.perstack.server.http;

/** What a handler answers: a status and a JSON-serializable body. */
record Reply(int status, Object body) {
    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply created(Object body) {
        return new Reply(201, body);
    }
}
