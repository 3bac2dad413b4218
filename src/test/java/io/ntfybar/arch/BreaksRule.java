package io.ntfybar.arch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of the fixture tree that breaks one dependency rule on purpose, named as in {@link DependencyRules}.
 * The test checks that the class breaks that rule and no other, so that each rule is proven by a violation of its own.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BreaksRule {
    String value();
}
