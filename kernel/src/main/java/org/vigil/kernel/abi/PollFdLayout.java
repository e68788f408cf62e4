package org.vigil.kernel.abi;

/** Layout of {@code struct pollfd} (poll(2)). */
@CStruct("pollfd")
public final class PollFdLayout {
    @CSize public static final int SIZE = 8;
    @COffset("fd") public static final int FD = 0;
    @COffset("events") public static final int EVENTS = 4;
    @COffset("revents") public static final int REVENTS = 6;

    private PollFdLayout() {
    }
}
