package io.heliox.archfixture.cycle.b;

import io.heliox.archfixture.cycle.a.A;

/** The other end of a package cycle. */
public class B {
    public A back() {
        return new A();
    }
}
