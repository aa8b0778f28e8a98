package io.heliox.atlas.command.application.billing;

/** The billing provider port: where metered usage goes to be invoiced. One adapter per provider. */
public interface BillingProvider {

    /** The provider's name, for logs and answers ({@code stripe}). */
    String name();

    /**
     * Sends one line. Sending the same line again (same identifier) must not bill twice.
     *
     * @throws BillingFailure when it was not accepted
     */
    void send(MeterEvent event);

    /** Why a line was not accepted; {@link #retryable()} when trying the same line later may succeed. */
    class BillingFailure extends RuntimeException {
        private final boolean retryable;

        public BillingFailure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public BillingFailure(String message, Throwable cause) {
            super(message, cause);
            this.retryable = true;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
