/** Jobs: the API's rules, the store-backed queue, the worker pool, the runtime loop and checkpoint notifications. */
package ai.perstack.server.jobs;
