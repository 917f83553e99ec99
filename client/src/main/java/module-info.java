/**
 * The Perstack Java client: applications, environment, jobs with live checkpoint streams, and
 * the expert registry. Start at {@link ai.perstack.client.PerstackClient}.
 */
module ai.perstack.client {
    requires transitive java.net.http;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml;

    exports ai.perstack.client;
    exports ai.perstack.client.applications;
    exports ai.perstack.client.env;
    exports ai.perstack.client.jobs;
    exports ai.perstack.client.experts;
    exports ai.perstack.client.sse;
    exports ai.perstack.client.listener;
    exports ai.perstack.client.config;
}
