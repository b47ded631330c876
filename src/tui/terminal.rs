//! The terminal the interactive reference runs in: taken over at start, given back on every
//! way out (quit, error, panic, SIGTERM, SIGHUP, SIGINT, SIGQUIT), given back and taken again
//! around a suspend (Ctrl-z, SIGTSTP then `fg`). Its bytes are read here, on a thread of
//! their own, so that a burst is always read whole.

use std::fs::File;
use std::io::{IsTerminal, Read, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// The widest area ever drawn: a window far larger than any screen draws this much.
pub const MAX_WIDTH: u16 = 640;
/// The tallest area ever drawn.
pub const MAX_HEIGHT: u16 = 240;

/// Whether mouse capture is part of the terminal state acuref sets.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the terminal was given back and taken again: the next frame redraws everything.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Set while another program has the terminal: its Ctrl-c, Ctrl-\ and Ctrl-z are its own.
static LENT: AtomicBool = AtomicBool::new(false);

/// The terminal while acuref holds it.
///
/// A frame is gathered in a buffer and written at once (ratatui flushes after each frame):
/// the standard output alone would write it a kilobyte at a time.
pub type Screen = Terminal<CrosstermBackend<std::io::BufWriter<std::io::Stdout>>>;

/// Room for a whole frame of a large terminal.
const FRAME_BUFFER_BYTES: usize = 256 * 1024;

/// The area drawn for a terminal of this size.
pub(crate) fn drawn_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Takes the terminal: raw mode, the alternate screen, bracketed paste and (if asked) mouse
/// capture; starts the reader of its bytes and the handler of signals. Fails with a clear
/// message when there is no terminal to take.
pub fn take(mouse: bool) -> Result<(Screen, Keys)> {
    if !stdout().is_terminal() {
        bail!("the interactive reference needs a terminal on standard output");
    }
    let tty = File::open("/dev/tty").context(
        "the interactive reference needs a terminal to read keys from, and this process has none \
         (started without a controlling terminal?); use `acuref search` or `acuref show` instead",
    )?;
    MOUSE.store(mouse, Ordering::SeqCst);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back();
        previous(info);
    }));
    enter().context("cannot set up the terminal")?;
    handle_signals().context("cannot watch for signals")?;
    let (width, height) = crossterm::terminal::size().context("cannot read the terminal size")?;
    let screen = Terminal::with_options(
        CrosstermBackend::new(std::io::BufWriter::with_capacity(
            FRAME_BUFFER_BYTES,
            stdout(),
        )),
        TerminalOptions {
            viewport: Viewport::Fixed(drawn_area(width, height)),
        },
    )
    .context("cannot draw on the terminal")?;
    Ok((screen, read_bytes(tty)))
}

/// Raw mode, alternate screen, hidden cursor, bracketed paste, and mouse capture if on.
fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    let mut out = stdout();
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was found. Safe to call twice, and from any thread.
pub(crate) fn give_back() {
    let mut out = stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Whether the screen must be drawn afresh (after a suspend); clears the request.
pub(crate) fn redraw_requested() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Suspends acuref as Ctrl-z does in a shell: gives the terminal back and stops; on `fg`
/// takes it again and asks for a full redraw.
pub fn suspend() {
    give_back();
    // SIGSTOP cannot be caught, so this stops the process at once; `fg` sends SIGCONT.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    resume();
}

fn resume() {
    let _ = enter();
    REDRAW.store(true, Ordering::SeqCst);
}

/// A thread that gives the terminal back on every signal that ends or stops acuref: it exits
/// with 128 + the signal's number, or (SIGTSTP) stops and takes the terminal again on `fg`.
fn handle_signals() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                // The keys of the program the terminal is lent to (as git does for its editor).
                if LENT.load(Ordering::SeqCst) && [SIGINT, SIGQUIT, SIGTSTP].contains(&signal) {
                    continue;
                }
                if signal == SIGTSTP {
                    give_back();
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    resume();
                } else {
                    give_back();
                    std::process::exit(128 + signal);
                }
            }
        })?;
    Ok(())
}

/// The terminal's bytes as they come, from a thread of their own, which can be paused while
/// another program (the user's editor) reads the terminal.
pub struct Keys {
    /// Each read of the terminal, in order.
    pub bytes: Receiver<Vec<u8>>,
    control: Sender<Control>,
}

/// What the reading thread is asked to do.
enum Control {
    /// Stop reading, say so on the sender, and wait for `Resume`.
    Pause(Sender<()>),
    /// Read again.
    Resume,
}

/// How long a wait for the terminal lasts before the reader looks for a pause.
const READ_WAIT: Duration = Duration::from_millis(40);

impl Keys {
    /// Stops the reader, waiting until it has stopped, so that no byte meant for another
    /// program is read; false if the reader is gone.
    pub fn pause(&self) -> bool {
        let (stopped, answer) = channel();
        self.control.send(Control::Pause(stopped)).is_ok()
            && answer.recv_timeout(Duration::from_secs(2)).is_ok()
    }

    /// Lets the reader read again.
    pub fn resume(&self) {
        let _ = self.control.send(Control::Resume);
    }
}

/// A thread that reads the terminal's bytes as they come and sends each read on. A read
/// returns everything the terminal has, so nothing waits for the next key; between waits of
/// [`READ_WAIT`] it looks for a pause.
fn read_bytes(mut tty: File) -> Keys {
    let (send, receive) = channel();
    let (control, orders) = channel::<Control>();
    let spawned = std::thread::Builder::new()
        .name("keys".into())
        .spawn(move || {
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                if let Ok(Control::Pause(stopped)) = orders.try_recv() {
                    let _ = stopped.send(());
                    // Wait for the order to read again (a second pause is answered too).
                    loop {
                        match orders.recv() {
                            Ok(Control::Resume) => break,
                            Ok(Control::Pause(again)) => {
                                let _ = again.send(());
                            }
                            Err(_) => return,
                        }
                    }
                }
                let timeout = rustix::event::Timespec {
                    tv_sec: 0,
                    tv_nsec: READ_WAIT.as_nanos() as i64,
                };
                let mut fds = [rustix::event::PollFd::new(
                    &tty,
                    rustix::event::PollFlags::IN,
                )];
                match rustix::event::poll(&mut fds, Some(&timeout)) {
                    Ok(0) => continue,
                    Ok(_) => {}
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(_) => return,
                }
                match tty.read(&mut buffer) {
                    Ok(0) => return,
                    Ok(n) => {
                        if send.send(buffer[..n].to_vec()).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => return,
                }
            }
        });
    // Without the thread the receiver reports a closed terminal, which ends the app cleanly.
    drop(spawned);
    Keys {
        bytes: receive,
        control,
    }
}

/// Gives the terminal to another program for as long as `run` takes (the reader paused, the
/// screen and modes as the user's shell has them, Ctrl-c and Ctrl-z the program's own), then
/// takes it again and redraws.
pub fn lend<T>(keys: &Keys, run: impl FnOnce() -> T) -> T {
    let paused = keys.pause();
    give_back();
    LENT.store(true, Ordering::SeqCst);
    let result = run();
    LENT.store(false, Ordering::SeqCst);
    resume();
    if paused {
        keys.resume();
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_window_draws_a_sane_area() {
        assert_eq!(
            drawn_area(65535, 65535),
            Rect::new(0, 0, MAX_WIDTH, MAX_HEIGHT)
        );
        assert_eq!(drawn_area(100, 30), Rect::new(0, 0, 100, 30));
        assert_eq!(drawn_area(0, 0), Rect::new(0, 0, 0, 0));
    }
}
