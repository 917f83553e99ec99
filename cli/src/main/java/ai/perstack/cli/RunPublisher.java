package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.config.TomlDefinition;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.ListDraftsParams;
import ai.perstack.client.experts.ListVersionsResponse;
import ai.perstack.client.experts.UpdateDraftInput;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a {@link TomlDefinition} on the platform so a job can run it: when the scope's newest
 * version holds exactly these experts it is used as it is; otherwise the scope's draft (created on
 * first use) is updated and a new version assigned — the file's version when it is newer than
 * every version of the scope, else the next patch version after the newest.
 */
final class RunPublisher {
    private static final Pattern TRIPLE = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * Where the definition ended up.
     *
     * @param expertKey the exact key to start a job with, {@code @org/name@version}
     * @param published true when a new version was assigned, false when an identical one was reused
     */
    record Published(String expertKey, boolean published) {
    }

    private RunPublisher() {
    }

    static Published publish(PerstackClient client, TomlDefinition definition, String applicationId) {
        String scope = definition.scopeName();
        ApiResult<ListVersionsResponse> listed = client.experts().versions().list(scope);
        List<ExpertVersion> versions = listed.ok() ? listed.data().data().versions() : List.of();
        if (!listed.ok() && listed.error().code() != 404) {
            listed.orElseThrow();
        }
        for (ExpertVersion v : versions) {
            if (!v.yanked()) {
                List<Expert> stored = client.experts().get(scope + "@" + v.version()).orElseThrow().data().definition().experts();
                if (json(stored).equals(json(definition.experts()))) {
                    return new Published(scope + "@" + v.version(), false);
                }
                break;
            }
        }
        ExpertDraft draft = draft(client, scope, definition.experts(), applicationId, listed.ok());
        String version = nextVersion(definition.fileVersion(), versions);
        client.experts().drafts().assignVersion(scope, draft.id(), AssignVersionInput.of(version)).orElseThrow();
        return new Published(scope + "@" + version, true);
    }

    /** The scope's newest draft, updated to {@code experts}; a new one when the scope has none. */
    private static ExpertDraft draft(PerstackClient client, String scope, List<Expert> experts, String applicationId,
                                     boolean scopeExists) {
        if (scopeExists) {
            List<ExpertDraft> drafts = client.experts().drafts().list(scope, ListDraftsParams.of(1, 0)).orElseThrow().data().drafts();
            if (!drafts.isEmpty()) {
                return client.experts().drafts().update(scope, drafts.get(0).id(), UpdateDraftInput.of(experts))
                        .orElseThrow().data().draft();
            }
        }
        return client.experts().drafts().create(scope, CreateDraftInput.builder().applicationId(applicationId)
                .experts(experts).description("Published by perstack run from perstack.toml").build()).orElseThrow().data().draft();
    }

    /** The file's version when it is above every version of the scope (by major.minor.patch), else the newest's next patch. */
    static String nextVersion(String fileVersion, List<ExpertVersion> versions) {
        long[] highest = null;
        for (ExpertVersion v : versions) {
            long[] t = triple(v.version());
            if (t != null && (highest == null || compare(t, highest) > 0)) {
                highest = t;
            }
        }
        long[] file = triple(fileVersion);
        if (highest == null || (file != null && compare(file, highest) > 0)) {
            return fileVersion;
        }
        return highest[0] + "." + highest[1] + "." + (highest[2] + 1);
    }

    private static long[] triple(String version) {
        Matcher m = TRIPLE.matcher(version);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))} : null;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** JSON trees compare objects regardless of field order. */
    private static List<com.fasterxml.jackson.databind.JsonNode> json(List<Expert> experts) {
        return experts.stream().map(e -> (com.fasterxml.jackson.databind.JsonNode) e.toJson()).toList();
    }
}
