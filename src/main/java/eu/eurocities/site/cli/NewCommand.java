package eu.eurocities.site.cli;

import picocli.CommandLine.Command;

/**
 * {@code new city NAME --country XX --membership ID} and {@code new page TITLE}: write a correct starting file for an
 * editor.
 */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Create a new content record or page.",
        subcommands = {NewCity.class, NewPage.class})
public final class NewCommand {}
