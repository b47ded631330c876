//! Study's screens: the deck chooser over the reference, and, on the whole frame, the card on
//! screen with its ratings, the full card it is about, the progress on the deck, the quiz and
//! its score. Drawn from the app's state at any size; a card's lines are laid out by
//! [`card_lines`], which the frame's fitting also reads to keep the scroll in range.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Mode};
use super::super::keymap::{Action, Scope, first_key};
use super::super::study::{Checked, Overlay, QuizRun, StudyScreen};
use super::super::theme::Theme;
use crate::study::quiz::duration_label;
use crate::study::schedule::{Rating, wait_label};
use crate::study::stats::MASTERED_DAYS;
use crate::text::{escape_controls, truncate, wrap};

/// Whether the frame is study's own (a card, a quiz or its score) rather than the reference.
pub fn owns_the_frame(app: &App<'_>) -> bool {
    matches!(app.mode, Mode::Study | Mode::Quiz | Mode::QuizResults)
        || (app.mode == Mode::Decks && app.study.is_some())
}

/// The parts of study's frame: the heading line, the body, the ratings under a shown answer,
/// and the key hints.
pub struct StudyAreas {
    /// The heading line.
    pub heading: Rect,
    /// The card, full card, progress, question or score.
    pub body: Rect,
    /// The ratings, under a shown answer (empty otherwise).
    pub ratings: Rect,
    /// The key hints.
    pub footer: Rect,
}

/// Where study's parts go in `area`.
pub fn study_areas(area: Rect, app: &App<'_>) -> StudyAreas {
    let ratings = match &app.study {
        Some(s) if app.mode == Mode::Study && s.revealed && s.overlay == Overlay::None => {
            rating_lines(app, s, area.width.min(MAX_WIDTH) as usize).len() as u16
        }
        _ => 0,
    };
    let [heading, body, ratings, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(ratings),
        Constraint::Length(1),
    ])
    .areas(area);
    // A card reads best in lines of at most about a hundred columns.
    let readable = |r: Rect| {
        let width = r.width.min(MAX_WIDTH);
        Rect {
            x: r.x + (r.width - width) / 2,
            width,
            ..r
        }
    };
    StudyAreas {
        heading,
        body: readable(body),
        ratings: readable(ratings),
        footer,
    }
}

/// The widest study's card and ratings are drawn.
const MAX_WIDTH: u16 = 100;

/// Draws study's frame.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>) {
    let areas = study_areas(frame.area(), app);
    let theme = &app.theme;
    match (app.mode, &app.quiz, &app.study) {
        (Mode::Quiz, Some(run), _) => {
            let text = format!("{} · {}", quiz_heading(run), deck_title(app, &run.spec));
            heading(frame, areas.heading, app, &text, "QUIZ");
            draw_question(frame, areas.body, app, run);
        }
        (Mode::QuizResults, Some(run), _) => {
            let text = format!("{} · the score", deck_title(app, &run.spec));
            heading(frame, areas.heading, app, &text, "SCORE");
            draw_results(frame, areas.body, theme, run);
        }
        (_, _, Some(study)) => {
            heading(
                frame,
                areas.heading,
                app,
                &study_heading(app, study),
                "STUDY",
            );
            match study.overlay {
                Overlay::None => draw_card(frame, areas.body, app, study),
                Overlay::FullCard(scroll) => draw_full_card(frame, areas.body, app, study, scroll),
                Overlay::Progress => draw_progress(frame, areas.body, app, study),
            }
            if areas.ratings.height > 0 {
                let lines = rating_lines(app, study, areas.ratings.width as usize);
                frame.render_widget(Paragraph::new(lines), areas.ratings);
            }
        }
        _ => {}
    }
    super::bars::draw_footer(frame, areas.footer, app);
    if app.mode == Mode::Decks {
        draw_decks(frame, frame.area(), app);
    }
}

fn heading(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, text: &str, mode: &str) {
    let theme = &app.theme;
    let badge = format!(" {mode} ");
    let room = (area.width as usize).saturating_sub(badge.width() + 1);
    let line = Line::from(vec![
        Span::styled(badge, theme.selected),
        Span::styled(format!(" {}", truncate(text, room)), theme.heading),
    ]);
    frame.render_widget(line, area);
}

fn study_heading(app: &App<'_>, study: &StudyScreen) -> String {
    let now = app.clock_ms.div_euclid(1000);
    let title = escape_controls(&study.title);
    // The counts first: a narrow heading cuts the deck's name, not them.
    if let Some(left) = study.sitting.left() {
        return format!("{left} to go · {title}");
    }
    let q = study.sitting.queue(now);
    format!(
        "{} learning · {} due · {} new · {title}",
        q.learning.len() + q.waiting,
        q.due.len(),
        q.new.len()
    )
}

/// A deck as a person reads it, from the way the command line writes it.
fn deck_title(app: &App<'_>, spec: &str) -> String {
    crate::study::Deck::parse(app.catalogue, spec)
        .map(|d| escape_controls(&d.title(app.catalogue)))
        .unwrap_or_else(|_| escape_controls(spec))
}

fn quiz_heading(run: &QuizRun) -> String {
    format!(
        "question {} of {} · {} right",
        (run.at + 1).min(run.questions.len()),
        run.questions.len(),
        run.score()
    )
}

fn key(scope: Scope, action: Action) -> String {
    first_key(scope, action).unwrap_or_default()
}

/// The lines of the card on screen at `width` columns: a caution when ratings are not kept,
/// the question, then the answer once shown (or how to show it); with nothing due, what
/// comes later.
pub fn card_lines(app: &App<'_>, study: &StudyScreen, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, s: &str, style| {
        for part in wrap(s, width) {
            lines.push(Line::styled(part, style));
        }
    };
    if let Some(why) = &study.unkept {
        text(&mut lines, &format!("! {why}"), theme.caution);
        lines.push(Line::raw(""));
    }
    let Some(card) = study.card.as_deref().and_then(|id| study.sitting.card(id)) else {
        nothing_due(app, study, &mut lines, width);
        return lines;
    };
    for part in card.prompt.lines() {
        text(&mut lines, part, theme.heading);
    }
    lines.push(Line::raw(""));
    if study.revealed {
        for part in card.answer.lines() {
            text(&mut lines, part, theme.text);
        }
    } else {
        let reveal = key(Scope::Study, Action::RevealOrGood);
        text(&mut lines, &format!("{reveal} shows the answer"), theme.dim);
    }
    lines
}

fn nothing_due(app: &App<'_>, study: &StudyScreen, lines: &mut Vec<Line<'static>>, width: usize) {
    let theme = &app.theme;
    let now = app.clock_ms.div_euclid(1000);
    let mut said = |s: String, style| {
        for part in wrap(&s, width) {
            lines.push(Line::styled(part, style));
        }
    };
    if study.sitting.is_listed() {
        said(
            "Done: every card of the list was rated.".into(),
            theme.heading,
        );
    } else {
        said("Nothing is due now in this deck.".into(), theme.heading);
        let q = study.sitting.queue(now);
        if let Some(at) = study.sitting.next_wait(now) {
            said(
                format!(
                    "{} cards in a learning step come back later today, the next in {}.",
                    q.waiting,
                    wait_label(at - now)
                ),
                theme.text,
            );
        }
        if q.new_later > 0 {
            said(
                format!(
                    "{} new cards wait for the next days ({} new a day: new_per_day in the settings file).",
                    q.new_later, app.study_settings.new_per_day
                ),
                theme.text,
            );
        }
    }
    said(
        format!("Rated in this sitting: {}.", study.rated),
        theme.dim,
    );
    said(
        format!(
            "{} quiz on this deck · {} progress · {} another deck · {} back to the reference",
            key(Scope::Study, Action::QuizDeck),
            key(Scope::Study, Action::ShowProgress),
            key(Scope::Study, Action::OpenStudy),
            key(Scope::Study, Action::LeaveStudy)
        ),
        theme.dim,
    );
}

/// The ratings with the wait each would give, as many to a line as fit.
fn rating_lines(app: &App<'_>, study: &StudyScreen, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let now = app.clock_ms.div_euclid(1000);
    let Some(id) = study.card.as_deref() else {
        return Vec::new();
    };
    let Ok(outcomes) = study.sitting.preview(id, now) else {
        return Vec::new();
    };
    let actions = [
        Action::RateAgain,
        Action::RateHard,
        Action::RateGood,
        Action::RateEasy,
    ];
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for ((action, rating), outcome) in actions.iter().zip(Rating::ALL).zip(outcomes) {
        let k = key(Scope::Study, *action);
        let label = format!(" {} {}", rating.name(), wait_label(outcome.wait));
        let w = k.width() + label.width() + 2;
        if used > 0 && used + w > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        spans.push(Span::styled(format!(" {k}"), theme.key));
        spans.push(Span::styled(format!("{label} "), theme.text));
        used += w;
    }
    lines.push(Line::from(spans));
    lines
}

/// The first line on screen for `lines` lines in a box `height` lines high scrolled to
/// `scroll`: never past the last screenful.
pub fn clamped(scroll: usize, lines: usize, height: usize) -> usize {
    scroll.min(lines.saturating_sub(height))
}

fn scrolled_block(
    frame: &mut Frame<'_>,
    area: Rect,
    theme: &Theme,
    title: String,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let inner = Block::bordered().inner(area);
    let height = inner.height as usize;
    let first = clamped(scroll, lines.len(), height);
    let more = lines.len() > first + height;
    let down = key(Scope::Study, Action::Down);
    let mut block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(
            truncate(&title, inner.width as usize),
            theme.heading,
        ));
    if more {
        block = block.title_bottom(Span::styled(
            truncate(&format!(" more below: {down} "), inner.width as usize),
            theme.key,
        ));
    }
    let shown: Vec<Line<'static>> = lines.into_iter().skip(first).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

fn draw_card(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, study: &StudyScreen) {
    let width = Block::bordered().inner(area).width as usize;
    let lines = card_lines(app, study, width.max(1));
    let title = match study.card.as_deref().and_then(|id| study.sitting.card(id)) {
        Some(card) => {
            let phase = match study.sitting.state(&card.id).phase {
                crate::study::schedule::Phase::New => "new card",
                crate::study::schedule::Phase::Review => "review",
                _ => "learning",
            };
            format!(" {phase} · {} ", card.id)
        }
        None => " no card due ".to_string(),
    };
    scrolled_block(frame, area, &app.theme, title, lines, study.scroll);
}

/// The full card of what the study card is about, as the reference shows it (cautions first,
/// for the patient set).
pub fn full_card_lines(app: &App<'_>, study: &StudyScreen, width: usize) -> Vec<Line<'static>> {
    let c = app.catalogue;
    let Some(entry) = study
        .card
        .as_deref()
        .and_then(|id| study.sitting.card(id))
        .and_then(|card| card.subject())
    else {
        return Vec::new();
    };
    let mut view = crate::entry_view::entry_view(c, entry, &app.patient);
    if let Some(note) = app.notes.get(&entry) {
        view.note = Some(note.text.clone());
        view.note_conflicts = note.conflicts.clone();
    }
    super::detail_text(c, &view, &app.patient, width, &app.theme).lines
}

fn draw_full_card(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    study: &StudyScreen,
    scroll: usize,
) {
    let width = Block::bordered().inner(area).width as usize;
    let lines = full_card_lines(app, study, width.max(1));
    let close = key(Scope::Study, Action::ShowFullCard);
    scrolled_block(
        frame,
        area,
        &app.theme,
        format!(" the full card ({close} closes) "),
        lines,
        scroll,
    );
}

/// The progress on the deck: counts, retention, streak, and a bar of mastery for each channel.
pub fn progress_lines(app: &App<'_>, study: &StudyScreen, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let s = study
        .sitting
        .stats(app.catalogue, app.clock_ms.div_euclid(1000));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, t: String, style| {
        for part in wrap(&t, width) {
            lines.push(Line::styled(part, style));
        }
    };
    text(
        &mut lines,
        format!(
            "{} cards: {} new, {} learning, {} learnt",
            s.cards, s.new, s.learning, s.learned
        ),
        theme.text,
    );
    text(
        &mut lines,
        format!(
            "due today {} · reviewed today {} · streak {} day{}",
            s.due_today,
            s.reviewed_today,
            s.streak_days,
            if s.streak_days == 1 { "" } else { "s" }
        ),
        theme.text,
    );
    let retention = match s.retention_30_days {
        Some(r) => format!("remembered over the last 30 days: {:.0}%", r * 100.0),
        None => "no reviews of learnt cards in the last 30 days yet".to_string(),
    };
    text(&mut lines, retention, theme.text);
    lines.push(Line::raw(""));
    text(
        &mut lines,
        format!("Mastered (remembered {MASTERED_DAYS} days or more), by channel:"),
        theme.heading,
    );
    let name_width = s
        .mastery
        .keys()
        .map(|g| g.width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for (group, (cards, mastered)) in &s.mastery {
        let count = format!(" {mastered}/{cards}");
        let bar = width
            .saturating_sub(name_width + count.width() + 1)
            .clamp(1, 40);
        let filled = if *cards == 0 {
            0
        } else {
            mastered * bar / cards
        };
        let name = crate::text::pad(&truncate(group, name_width), name_width);
        lines.push(Line::from(vec![
            Span::styled(format!("{name} "), theme.text),
            Span::styled("█".repeat(filled), theme.key),
            Span::styled("░".repeat(bar - filled), theme.dim),
            Span::styled(count, theme.dim),
        ]));
    }
    lines
}

fn draw_progress(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, study: &StudyScreen) {
    let width = Block::bordered().inner(area).width as usize;
    let lines = progress_lines(app, study, width.max(1));
    let title = format!(" progress: {} ", escape_controls(&study.title));
    let scroll = study.scroll;
    scrolled_block(frame, area, &app.theme, title, lines, scroll);
}

fn draw_question(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, run: &QuizRun) {
    let theme = &app.theme;
    let Some(q) = run.questions.get(run.at) else {
        return;
    };
    let inner = Block::bordered().inner(area);
    let width = (inner.width as usize).max(1);
    let mut top: Vec<Line<'static>> = Vec::new();
    for part in wrap(&q.prompt, width) {
        top.push(Line::styled(part, theme.heading));
    }
    top.push(Line::raw(""));
    for (i, choice) in q.choices.iter().enumerate() {
        let style = match &run.checked {
            Some(_) if i == q.answer => theme.selected,
            _ => theme.text,
        };
        for (n, part) in wrap(&format!("{}) {choice}", i + 1), width)
            .into_iter()
            .enumerate()
        {
            let part = if n == 0 { part } else { format!("   {part}") };
            top.push(Line::styled(part, style));
        }
    }
    let mut bottom: Vec<Line<'static>> = Vec::new();
    let label = "answer: ";
    let typed = match &run.checked {
        Some(Checked {
            given: Some(given), ..
        }) => escape_controls(given),
        Some(Checked { given: None, .. }) => "(skipped)".to_string(),
        None => escape_controls(&run.typed),
    };
    bottom.push(Line::from(vec![
        Span::styled(label, theme.key),
        Span::styled(
            truncate(&typed, width.saturating_sub(label.len())),
            theme.text,
        ),
    ]));
    match &run.checked {
        None => {
            let hint = wrap(
                "a number, or the code or name in any spelling; Enter with nothing typed skips",
                width,
            );
            // Only where the question and its choices have room for it.
            if top.len() + 1 + hint.len() <= inner.height as usize {
                bottom.extend(hint.into_iter().map(|part| Line::styled(part, theme.dim)));
            }
        }
        Some(checked) => {
            let verdict = if checked.right {
                format!("right: {}", q.choices[q.answer])
            } else {
                format!(
                    "wrong: the answer is {}) {}",
                    q.answer + 1,
                    q.choices[q.answer]
                )
            };
            let style = if checked.right {
                theme.key
            } else {
                theme.caution
            };
            for part in wrap(&verdict, width) {
                bottom.push(Line::styled(part, style));
            }
            if q.answer_text != q.choices[q.answer] {
                for line in q.answer_text.lines() {
                    for part in wrap(line, width) {
                        bottom.push(Line::styled(part, theme.dim));
                    }
                }
            }
            let next = key(Scope::Quiz, Action::SubmitAnswer);
            bottom.push(Line::styled(
                truncate(&format!("{next}: the next question"), width),
                theme.dim,
            ));
        }
    }
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(
            truncate(&format!(" {} ", q.card_id), width),
            theme.heading,
        ));
    frame.render_widget(block, area);
    // The answer line and its verdict stay at the bottom; the question fills what is left
    // (cut at the smallest sizes, where it says so).
    let bottom_height = (bottom.len() as u16).min(inner.height.saturating_sub(1).max(1));
    let [question, answer] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(bottom_height)]).areas(inner);
    if top.len() > question.height as usize && question.height > 0 {
        top.truncate(question.height as usize - 1);
        top.push(Line::styled(
            truncate("… (a larger terminal shows the rest)", width),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(top), question);
    frame.render_widget(Paragraph::new(bottom), answer);
    if run.checked.is_none() && answer.height > 0 {
        let before = escape_controls(run.typed.get(..run.cursor).unwrap_or(&run.typed));
        let x = answer.x + (label.len() + before.width()) as u16;
        if x < answer.x + answer.width {
            frame.set_cursor_position(Position::new(x, answer.y));
        }
    }
}

/// The score, the time, and each wrong answer with the right one.
pub fn results_lines(theme: &Theme, run: &QuizRun, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let text = |lines: &mut Vec<Line<'static>>, t: &str, style| {
        for part in wrap(t, width) {
            lines.push(Line::styled(part, style));
        }
    };
    let took = run.ended.unwrap_or(run.started) - run.started;
    text(
        &mut lines,
        &format!(
            "Score {}/{} in {}",
            run.score(),
            run.answers.len(),
            duration_label(took)
        ),
        theme.heading,
    );
    if run.answers.len() < run.questions.len() {
        text(
            &mut lines,
            &format!(
                "stopped after {} of {} questions",
                run.answers.len(),
                run.questions.len()
            ),
            theme.dim,
        );
    }
    let wrong: Vec<_> = run.wrong().collect();
    if wrong.is_empty() {
        text(&mut lines, "No wrong answers.", theme.text);
        return lines;
    }
    lines.push(Line::raw(""));
    text(&mut lines, "Wrong answers:", theme.heading);
    for (q, checked) in wrong {
        text(&mut lines, &q.prompt, theme.text);
        let given = match &checked.given {
            Some(g) => format!("you answered {}", escape_controls(g)),
            None => "skipped".to_string(),
        };
        text(
            &mut lines,
            &format!("→ answer: {}; {given}", q.choices[q.answer]),
            theme.caution,
        );
    }
    lines
}

fn draw_results(frame: &mut Frame<'_>, area: Rect, theme: &Theme, run: &QuizRun) {
    let width = Block::bordered().inner(area).width as usize;
    let lines = results_lines(theme, run, width.max(1));
    scrolled_block(
        frame,
        area,
        theme,
        format!(" quiz: {} ", run.spec),
        lines,
        0,
    );
}

/// Draws the deck chooser over the middle of `area`.
pub fn draw_decks(frame: &mut Frame<'_>, area: Rect, app: &App<'_>) {
    let Some(picker) = &app.decks else {
        return;
    };
    let theme = &app.theme;
    let choices = picker.choices(app.catalogue);
    let width = area.width.min(72);
    let height = area.height.min(choices.len().max(1) as u16 + 4).max(3);
    let popup = crate::tui::layout::centered(area, width, height);
    let inner_width = popup.width.saturating_sub(2) as usize;
    let k = |action| key(Scope::Decks, action);
    let hint = truncate(
        &format!(
            " {} review · {} quiz · {} close ",
            k(Action::StudyDeck),
            k(Action::QuizDeck),
            k(Action::CloseDecks)
        ),
        inner_width,
    );
    let label = "deck: ";
    let mut lines = vec![
        Line::from(vec![
            Span::styled(label, theme.key),
            Span::styled(
                truncate(
                    &escape_controls(&picker.typed),
                    inner_width.saturating_sub(6),
                ),
                theme.text,
            ),
        ]),
        Line::raw(""),
    ];
    if choices.is_empty() {
        lines.push(Line::styled(
            truncate(
                "no deck has that name; write one as channel:LU",
                inner_width,
            ),
            theme.dim,
        ));
    }
    let selected = picker.selected.min(choices.len().saturating_sub(1));
    let room = (height as usize).saturating_sub(4).max(1);
    let first = selected.saturating_sub(room - 1);
    for (i, choice) in choices.iter().enumerate().skip(first).take(room) {
        let style = if i == selected {
            theme.selected
        } else {
            theme.text
        };
        let title = escape_controls(&choice.title);
        let spec = escape_controls(&choice.spec);
        let spare = inner_width.saturating_sub(title.width() + 2);
        let text = if spare > spec.width() + 1 {
            format!("{title}{}{spec}", " ".repeat(spare - spec.width()))
        } else {
            title
        };
        lines.push(Line::styled(truncate(&text, inner_width), style));
    }
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(
            truncate(" Study which deck? ", inner_width),
            theme.heading,
        ))
        .title_bottom(Span::styled(hint, theme.dim));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    let before = escape_controls(picker.typed.get(..picker.cursor).unwrap_or(&picker.typed));
    let x = inner.x + (label.len() + before.width()) as u16;
    if inner.height > 0 && x < inner.x + inner.width {
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}
