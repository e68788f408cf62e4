package org.vigil.kernel.abi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the C struct a layout class describes, so the header check can compare its
 * {@link CSize} and {@link COffset} fields with what gcc computes from the system headers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CStruct {
    /** The struct tag, e.g. {@code "v4l2_buffer"} for {@code struct v4l2_buffer}. */
    String value();
}
