package io.heliox.archfixture.engine;

import org.springframework.util.StringUtils;

/** A pure library that reached for a framework. */
public class SpringEngine {
    public boolean blank(String s) {
        return !StringUtils.hasText(s);
    }
}
