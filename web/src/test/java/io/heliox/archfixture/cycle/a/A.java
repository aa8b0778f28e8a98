package io.heliox.archfixture.cycle.a;

import io.heliox.archfixture.cycle.b.B;

/** One end of a package cycle. */
public class A {
    public B next() {
        return new B();
    }
}
