/**
 * Classes that break each layer rule on purpose, so {@code LayerRulesTest} can show every rule
 * failing. Outside {@code io.heliox.atlas}, so neither the application's component scan nor the
 * product's own rule check ever sees them.
 */
package io.heliox.archfixture;
