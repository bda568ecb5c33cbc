package dlbasics.cli;

/** The {@code dlbasics} command: {@code java -jar dlbasics.jar train --data flower}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DlbasicsCommand.commandLine(args).execute(args));
    }
}
