export interface Size {
  width: number;
  height: number;
}

export interface ViewportFit {
  scale: number;
  /** Offsets that centre the scaled viewport in the stage. */
  left: number;
  top: number;
}

/**
 * How to draw a recorded viewport inside a fixed stage: scaled to fit whole, never
 * enlarged past 1:1, centred. The stage never changes size with the recording, so
 * nothing around it moves while playing.
 */
export function fitViewport(stage: Size, recorded: Size): ViewportFit {
  if (recorded.width <= 0 || recorded.height <= 0 || stage.width <= 0 || stage.height <= 0) {
    return { scale: 1, left: 0, top: 0 };
  }
  const scale = Math.min(1, stage.width / recorded.width, stage.height / recorded.height);
  return {
    scale,
    left: Math.round((stage.width - recorded.width * scale) / 2),
    top: Math.round((stage.height - recorded.height * scale) / 2),
  };
}
