package eu.eurocities.site.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: prints a completion script for bash (zsh reads it too, after {@code bashcompinit}) that
 * completes the commands, their options and file names. The script is picocli's, made from the same command
 * definitions as the help, so it never lags behind them.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Print a shell completion script for bash or zsh.",
            "Load it for this shell with: source <(eurocities-site completion)",
            "or for every shell: eurocities-site completion > "
                    + "~/.local/share/bash-completion/completions/eurocities-site"
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
