package ai.perstack.server.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tag rules of the registry, as pure functions over a scope's tag map
 * (tag → version) and its versions.
 */
public final class Tags {
    private Tags() {
    }

    /** A version as far as the tag rules care. */
    public record VersionState(Semver version, boolean yanked) {
    }

    /** The tags after a yank, and whether {@code latest} moved or disappeared. */
    public record YankOutcome(Map<String, String> tags, boolean latestTagUpdated) {
    }

    /**
     * Tags after assigning {@code newVersion} (greater than every existing one) with an optional
     * tag: the given tag moves to it; {@code latest} moves to it when no other tag is given.
     */
    public static Map<String, String> afterAssign(Map<String, String> tags, String newVersion, String tag) {
        Map<String, String> next = new TreeMap<>(tags);
        next.put(tag == null ? ExpertKey.LATEST : tag, newVersion);
        return next;
    }

    /**
     * Tags after yanking {@code yanked}: no tag may choose it any more; if it held {@code latest},
     * {@code latest} moves to the newest remaining non-yanked version, or disappears.
     */
    public static YankOutcome afterYank(Map<String, String> tags, List<VersionState> versions, String yanked) {
        Map<String, String> next = new TreeMap<>(tags);
        boolean heldLatest = yanked.equals(next.get(ExpertKey.LATEST));
        next.values().removeIf(yanked::equals);
        if (heldLatest) {
            newestAvailable(versions, yanked).ifPresent(v -> next.put(ExpertKey.LATEST, v.text()));
        }
        return new YankOutcome(next, heldLatest);
    }

    /** The tags pointing at a version: {@code latest} first, then the others by name. */
    public static List<String> tagsOf(Map<String, String> tags, String version) {
        List<String> result = new ArrayList<>();
        if (version.equals(tags.get(ExpertKey.LATEST))) {
            result.add(ExpertKey.LATEST);
        }
        new TreeMap<>(tags).forEach((tag, v) -> {
            if (v.equals(version) && !tag.equals(ExpertKey.LATEST)) {
                result.add(tag);
            }
        });
        return result;
    }

    /** The tag map with {@code latest} first, for display. */
    public static Map<String, String> ordered(Map<String, String> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags.containsKey(ExpertKey.LATEST)) {
            result.put(ExpertKey.LATEST, tags.get(ExpertKey.LATEST));
        }
        new TreeMap<>(tags).forEach(result::putIfAbsent);
        return result;
    }

    private static Optional<Semver> newestAvailable(List<VersionState> versions, String excluded) {
        return versions.stream()
                .filter(v -> !v.yanked() && !v.version().text().equals(excluded))
                .map(VersionState::version)
                .max(Comparator.naturalOrder());
    }
}
