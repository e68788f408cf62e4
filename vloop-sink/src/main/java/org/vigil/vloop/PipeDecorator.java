package org.vigil.vloop;

import org.vigil.vloop.image.PipeImage;

/**
 * Draws on a picture once it has been rendered into the pipe's own buffer and before viewers see it: the annotator's
 * boxes and text, the privacy mask. Never sees the camera's buffer, which other readers may share.
 */
@FunctionalInterface
public interface PipeDecorator {
    void decorate(PipeImage picture);
}
