package ai.perstack.server.registry;

import ai.perstack.server.store.DraftRecord;
import ai.perstack.server.store.ScopeRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the registry returns: read-only views assembled from the store. */
public final class Views {
    private Views() {
    }

    /** A scope with its tags (tag → version, {@code latest} first). */
    public record ScopeView(ScopeRecord scope, Map<String, String> tags) {
        /** The version {@code latest} points at, or null. */
        public String latestVersion() {
            return tags.get(ExpertKey.LATEST);
        }
    }

    /** A version with the tags pointing at it ({@code latest} first). */
    public record VersionView(String version, List<String> tags, boolean yanked, Instant createdAt) {
        /** The first tag, or null when none points at it. */
        public String tag() {
            return tags.isEmpty() ? null : tags.get(0);
        }
    }

    /** A resolved definition: a version of a scope and its experts. */
    public record DefinitionView(String scopeName, String visibility, VersionView version, JsonNode experts) {
    }

    /** A draft and its experts. */
    public record DraftView(String scopeName, DraftRecord draft, JsonNode experts) {
    }

    /** The result of a yank. */
    public record YankView(boolean latestTagUpdated) {
    }
}
