package io.heliox.atlas.llm;

import java.util.Objects;

/**
 * A model's answer, normalized across providers.
 *
 * @param provider the provider that answered ({@link LlmProvider#name()}): usage is metered and billed by it
 */
public record LlmReply(String modelId, String content, FinishReason finishReason, Usage usage, String provider) {

    public LlmReply {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
    }

    /** The same answer, credited to {@code name}. */
    public LlmReply fromProvider(String name) {
        return new LlmReply(modelId, content, finishReason, usage, name);
    }

    /** Why a model stopped writing. {@link #LENGTH}: cut at max_tokens, so the content is likely truncated. */
    public enum FinishReason {
        STOP, LENGTH, CONTENT_FILTER, OTHER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Tokens as the provider counted them (the local model: its own estimate, see {@link Usage#estimate}). */
    public record Usage(int prompt, int completion) {

        public Usage {
            if (prompt < 0 || completion < 0) {
                throw new IllegalArgumentException("token counts cannot be negative");
            }
        }

        public int total() {
            return prompt + completion;
        }

        public Usage plus(Usage other) {
            return new Usage(prompt + other.prompt, completion + other.completion);
        }

        /**
         * About four characters per token, the usual rule for English and JSON with BPE tokenizers;
         * used where no provider counts (the local model), so budgets behave the same offline.
         */
        public static int estimate(String text) {
            return (text.length() + 3) / 4;
        }
    }
}
