package io.ntfybar.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that deliberately breaks one of the dependency rules in docs/architecture.md. The architecture test
 * skips it; the reason says why the exception is worth it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ArchitectureException {
    String reason();
}
