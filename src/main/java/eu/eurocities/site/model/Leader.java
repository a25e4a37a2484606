package eu.eurocities.site.model;

/** A person leading the network, e.g. role {@code President}, name {@code Burkhard Jung}. */
public record Leader(String role, String name) {}
