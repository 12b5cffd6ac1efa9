/**
 * The optional "logged" sound: one short rising note made with WebAudio, so no audio file
 * ships. Off unless the member turns it on in the options (Prefs.sound); where a page blocks
 * audio it simply stays silent (the log itself was the gesture, so normally it plays).
 */
let context: AudioContext | undefined;

/** Plays a quiet chime of about 0.2 s. */
export function chime(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    const at = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.setValueAtTime(880, at);
    osc.frequency.exponentialRampToValueAtTime(1320, at + 0.1);
    gain.gain.setValueAtTime(0.08, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.2);
  } catch {
    // No audio here (a policy or an old browser): the log stands without its sound.
  }
}
