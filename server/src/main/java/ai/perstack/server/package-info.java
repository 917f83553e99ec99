/**
 * The local Perstack platform. Start it with
 * {@link ai.perstack.server.LocalPlatform#start(ai.perstack.server.PlatformConfig)}.
 */
package ai.perstack.server;
