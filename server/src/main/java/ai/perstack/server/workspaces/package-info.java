/**
 * Workspaces: the directory each job works in, the confinement rules every path a job names
 * goes through, and the files a user hands a job or takes from it.
 */
package ai.perstack.server.workspaces;
