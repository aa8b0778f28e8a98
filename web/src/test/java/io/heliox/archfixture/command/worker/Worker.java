package io.heliox.archfixture.command.worker;

/** A command-side internal. */
public class Worker {
    public void step() {
    }
}
