package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_streamparm} (G_PARM/S_PARM); capture and output parameters share one shape. */
@CStruct("v4l2_streamparm")
public final class StreamParmLayout {
    @CSize public static final int SIZE = 204;
    @COffset("type") public static final int TYPE = 0;
    @COffset("parm.capture.capability") public static final int CAPABILITY = 4;
    @COffset("parm.capture.timeperframe.numerator") public static final int TIMEPERFRAME_NUM = 12;
    @COffset("parm.capture.timeperframe.denominator") public static final int TIMEPERFRAME_DEN = 16;
    @COffset("parm.capture.readbuffers") public static final int READBUFFERS = 24;
    @COffset("parm.output.capability") public static final int OUTPUT_CAPABILITY = 4;
    @COffset("parm.output.timeperframe.numerator") public static final int OUTPUT_TIMEPERFRAME_NUM = 12;
    @COffset("parm.output.timeperframe.denominator") public static final int OUTPUT_TIMEPERFRAME_DEN = 16;
    @COffset("parm.output.writebuffers") public static final int WRITEBUFFERS = 24;

    private StreamParmLayout() {
    }
}
