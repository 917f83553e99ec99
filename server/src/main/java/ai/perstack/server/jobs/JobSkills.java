package ai.perstack.server.jobs;

import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.skills.SkillEvents;
import ai.perstack.server.skills.SkillLimits;
import ai.perstack.server.skills.SkillRuntime;
import ai.perstack.server.skills.SkillSet;
import ai.perstack.server.skills.SkillSpec;
import ai.perstack.server.skills.SkillStartException;
import ai.perstack.server.skills.StdioPolicy;
import ai.perstack.server.skills.StdioSkillSpec;
import ai.perstack.server.skills.base.Todo;
import ai.perstack.server.skills.base.TodoState;
import ai.perstack.server.skills.base.TodoStore;
import ai.perstack.server.workspaces.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skills of the jobs this process runs. A {@link Scope} lives as long as a job runs in a
 * worker: each expert's skills open when first needed and all close when the job stops, pauses,
 * is canceled or the server stops. The todo list lives in the job's runtime state, so it is
 * saved with every checkpoint.
 */
final class JobSkills {
    private static final Logger LOG = LoggerFactory.getLogger(JobSkills.class);

    private final Workspaces workspaces;
    private final StdioPolicy policy;
    private final boolean allowLoopbackHttp;
    private final SkillLimits limits;
    private final Map<String, String> hostEnv;

    JobSkills(Workspaces workspaces, StdioPolicy policy, boolean allowLoopbackHttp, SkillLimits limits,
              Map<String, String> hostEnv) {
        this.workspaces = workspaces;
        this.policy = policy;
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.limits = limits;
        this.hostEnv = Map.copyOf(hostEnv);
    }

    Scope scope(String jobId) {
        return new Scope(jobId);
    }

    /** One job's open skills, by expert key. */
    final class Scope implements AutoCloseable {
        private final String jobId;
        private final Map<String, SkillSet> open = new HashMap<>();

        private Scope(String jobId) {
            this.jobId = jobId;
        }

        /** The skills of {@code expert} (opened on first use), with the todo list kept in {@code state}. */
        synchronized SkillSet of(String expertKey, JsonNode expert, RunState state, JobEnvironment env)
                throws SkillStartException {
            SkillSet set = open.get(expertKey);
            if (set == null) {
                List<SkillSpec> specs = SkillSpecs.of(expert);
                Map<String, String> entries = new LinkedHashMap<>();
                for (SkillSpec spec : specs) {
                    if (spec instanceof StdioSkillSpec stdio && !stdio.isBuiltinBase()) {
                        for (String name : stdio.requiredEnv()) {
                            String value = env.get(name);
                            if (value != null) {
                                entries.put(name, value);
                            }
                        }
                    }
                }
                set = SkillSet.open(specs, new SkillRuntime(workspaces.forJob(jobId), entries, hostEnv,
                        new StateTodos(state), policy, limits, allowLoopbackHttp, new Log(jobId, env)));
                open.put(expertKey, set);
            }
            return set;
        }

        @Override
        public synchronized void close() {
            open.values().forEach(SkillSet::close);
            open.clear();
        }
    }

    /** The todo list as the {@code todos} field of the job's runtime state. */
    private static final class StateTodos implements TodoStore {
        private final RunState state;

        StateTodos(RunState state) {
            this.state = state;
        }

        // delegates running concurrently share the job's list: reads and writes of it take turns
        @Override
        public TodoState load() {
            synchronized (state.root()) {
                return read();
            }
        }

        private TodoState read() {
            JsonNode node = state.root().path("todos");
            List<Todo> todos = new ArrayList<>();
            node.path("todos").forEach(t -> todos.add(new Todo(t.path("id").asInt(), t.path("title").asText(),
                    t.path("completed").asBoolean())));
            return new TodoState(todos, node.path("nextId").asInt(0));
        }

        @Override
        public void save(TodoState next) {
            synchronized (state.root()) {
                write(next);
            }
        }

        private void write(TodoState next) {
            ObjectNode node = state.root().putObject("todos");
            ArrayNode list = node.putArray("todos");
            next.todos().forEach(t -> list.addObject().put("id", t.id()).put("title", t.title())
                    .put("completed", t.completed()));
            node.put("nextId", next.nextId());
        }
    }

    /** Skill events go to the server log (stderr lines at debug, scrubbed of the organization's secrets). */
    private record Log(String jobId, JobEnvironment env) implements SkillEvents {
        @Override
        public void connected(String skillName, String serverName, String serverVersion, long durationMillis) {
            LOG.info("job {}: skill {} connected ({} {}) in {} ms", jobId, skillName, serverName, serverVersion,
                    durationMillis);
        }

        @Override
        public void stderr(String skillName, String line) {
            LOG.debug("job {}: skill {}: {}", jobId, skillName, env.scrub(line));
        }

        @Override
        public void disconnected(String skillName, String reason) {
            LOG.info("job {}: skill {} {}", jobId, skillName, env.scrub(reason));
        }
    }
}
