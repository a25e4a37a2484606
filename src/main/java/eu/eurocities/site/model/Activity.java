package eu.eurocities.site.model;

/** One kind of activity the network offers its members, with a one-sentence summary. */
public record Activity(String name, String summary) {}
