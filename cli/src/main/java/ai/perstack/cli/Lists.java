package ai.perstack.cli;

/** Notes under a list. */
final class Lists {
    private Lists() {
    }

    /** When the page does not hold every item, says so on standard error (standard output stays the table). */
    static void more(Output out, int shown, long total, String how) {
        if (total > shown && shown > 0) {
            out.note("(" + shown + " of " + total + " shown; page with " + how + ")");
        }
    }
}
