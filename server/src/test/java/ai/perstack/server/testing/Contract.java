package ai.perstack.server.testing;

/** Checks responses against {@code api/openapi.yaml}. */
public final class Contract {
    private Contract() {
    }

    static void check(Res res) {
        // filled in once the contract file is available
    }
}
