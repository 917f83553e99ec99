/** Key material: API key hashing, secret encryption, key files in the data directory. */
package ai.perstack.server.security;
