package org.vigil.kernel.abi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a field holding {@code offsetof(struct ..., member)}; the member may be a path like {@code "fmt.pix.width"}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface COffset {
    String value();
}
