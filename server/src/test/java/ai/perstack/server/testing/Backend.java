package ai.perstack.server.testing;

/** The stores the whole suite runs on. */
public enum Backend {
    H2, POSTGRES
}
