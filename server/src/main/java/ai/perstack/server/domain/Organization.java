package ai.perstack.server.domain;

/** The tenant a caller acts for: every resource belongs to exactly one organization. */
public record Organization(String id, String name) {
}
