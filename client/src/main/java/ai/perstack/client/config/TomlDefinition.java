package ai.perstack.client.config;

import ai.perstack.client.experts.Expert;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The registry definition of one expert of a perstack.toml (what {@code perstack run} publishes): that
 * expert first (the coordinator), then every expert of the file it delegates to, directly or
 * not. A member's key is the last {@code /}-segment of its file key ({@code @acme/researcher} →
 * {@code researcher}, which is also the name core gives its delegation tool); its name stays the
 * file key. Delegates to experts of the file become member keys; others must be published keys
 * ({@code @org/name[@version|@tag]}) and are kept as they are.
 *
 * @param scopeName the scope it is published under: {@code @<org>/<coordinator's member key>}
 * @param experts   the members, the coordinator first
 */
public record TomlDefinition(String scopeName, List<Expert> experts) {
    private static final Pattern PUBLISHED_KEY = Pattern.compile("^@[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*(@.+)?$");

    /**
     * Copies the members.
     *
     * @param scopeName the scope it is published under
     * @param experts the members, the coordinator first
     */
    public TomlDefinition {
        experts = List.copyOf(experts);
    }

    /**
     * The definition of {@code expertKey} for the scope {@code @organization/<member key>}.
     *
     * @param config the file
     * @param expertKey the expert's table name
     * @param organization the organization that publishes it
     * @return the definition
     * @throws PerstackTomlException when the file has no such expert, a delegate resolves to nothing, or member keys clash
     */
    public static TomlDefinition of(PerstackConfig config, String expertKey, String organization) {
        config.expert(expertKey);
        Map<String, String> memberKeys = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(expertKey));
        while (!todo.isEmpty()) {
            String fileKey = todo.removeFirst();
            if (memberKeys.containsKey(fileKey)) {
                continue;
            }
            String member = memberKey(fileKey);
            memberKeys.forEach((otherFile, otherMember) -> {
                if (otherMember.equals(member)) {
                    throw new PerstackTomlException(config.source() + ": experts \"" + otherFile + "\" and \"" + fileKey
                            + "\" would both be member " + member + " of " + expertKey + "'s definition; rename one");
                }
            });
            memberKeys.put(fileKey, member);
            for (String delegate : config.expert(fileKey).delegates()) {
                if (config.experts().containsKey(delegate)) {
                    todo.addLast(delegate);
                } else if (!PUBLISHED_KEY.matcher(delegate).matches()) {
                    throw new PerstackTomlException(config.source() + ": [experts.\"" + fileKey + "\"] delegates: \"" + delegate
                            + "\" is neither an expert of this file nor a published key @org/name[@version|@tag]");
                }
            }
        }
        List<Expert> members = new ArrayList<>();
        memberKeys.forEach((fileKey, member) -> members.add(member(config.expert(fileKey), member, memberKeys)));
        return new TomlDefinition("@" + organization + "/" + memberKeys.get(expertKey), members);
    }

    /**
     * Every expert of the file, in file order, as members of one definition (a draft made from the whole file).
     *
     * @param config the file
     * @return the members, keyed as {@link #of} keys them
     * @throws PerstackTomlException when two experts would get the same member key
     */
    public static List<Expert> allMembers(PerstackConfig config) {
        Map<String, String> memberKeys = new LinkedHashMap<>();
        config.experts().keySet().forEach(k -> {
            String member = memberKey(k);
            if (memberKeys.containsValue(member)) {
                throw new PerstackTomlException(config.source() + ": two experts would both be member " + member + "; rename one");
            }
            memberKeys.put(k, member);
        });
        List<Expert> members = new ArrayList<>();
        memberKeys.forEach((fileKey, member) -> members.add(member(config.expert(fileKey), member, memberKeys)));
        return members;
    }

    /**
     * A file key's member key.
     *
     * @param fileKey {@code @acme/researcher} or {@code triage}
     * @return {@code researcher} or {@code triage}
     */
    public static String memberKey(String fileKey) {
        return fileKey.substring(fileKey.lastIndexOf('/') + 1);
    }

    private static Expert member(Expert fileExpert, String memberKey, Map<String, String> memberKeys) {
        ObjectNode json = fileExpert.toJson();
        json.put("key", memberKey);
        ArrayNode delegates = json.putArray("delegates");
        fileExpert.delegates().forEach(d -> delegates.add(memberKeys.getOrDefault(d, d)));
        return Expert.fromJson(json);
    }

    /** {@return the coordinator's own version from the file (core's default {@code 1.0.0})} */
    public String fileVersion() {
        return experts.get(0).version().orElse("1.0.0");
    }
}
