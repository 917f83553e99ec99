/** The {@code openai} provider: OpenAI's Chat Completions API and compatible servers (Ollama, vLLM, LM Studio). */
package ai.perstack.server.providers.openai;
