package ai.perstack.cli;

/** Stands in for the CLI in launcher tests: prints its arguments. */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe " + String.join(" ", args));
    }
}
