//! `acuref quiz`: multiple-choice questions from a deck, asked one a line on standard input
//! (a choice's number, or a code or name typed in any spelling), or printed as JSON.

use std::io::{BufRead, Write};
use std::time::Instant;

use anyhow::Result;
use serde_json::json;

use super::args::QuizArgs;
use super::study::dealt_deck;
use super::{Context, Status, diagnostic};
use crate::study::{Question, all_cards, quiz};

/// Runs `acuref quiz`.
pub(super) fn quiz(cx: &Context<'_>, request: &QuizArgs, out: &mut impl Write) -> Result<Status> {
    let cards = all_cards(cx.c);
    let (deck, dealt) = match dealt_deck(cx, request.deck.as_deref(), &cards) {
        Ok(found) => found,
        Err(status) => return Ok(status),
    };
    let seed = request.seed.unwrap_or_else(fresh_seed);
    let count = usize::from(request.count);
    let questions = quiz::questions(cx.c, &dealt, count, seed);
    if questions.is_empty() {
        diagnostic(&format!(
            "no card of the deck `{}` makes a multiple-choice question; try a larger deck, such as `--deck all`",
            crate::text::echo(deck.spec())
        ));
        return Ok(Status::NothingFound);
    }
    if questions.len() < count {
        diagnostic(&format!(
            "the deck `{}` makes {} questions, fewer than the {} asked for",
            crate::text::echo(deck.spec()),
            questions.len(),
            count
        ));
    }
    if request.json {
        let asked: Vec<serde_json::Value> = questions
            .iter()
            .map(|q| {
                json!({
                    "card": q.card_id,
                    "type": q.card_type.name(),
                    "prompt": q.prompt,
                    "choices": q.choices,
                    "answer": q.answer,
                    "answer_text": q.answer_text,
                })
            })
            .collect();
        let shown = json!({"deck": deck.spec(), "seed": seed, "questions": asked});
        super::json::print(out, &shown)?;
        return Ok(Status::Success);
    }
    let replay = format!(
        "acuref quiz --deck {} --count {} --seed {seed}",
        deck.spec(),
        request.count
    );
    ask(cx, &questions, &mut std::io::stdin().lock(), out, &replay)
}

/// A wrong answer, for the list at the end.
struct Wrong<'q> {
    question: &'q Question,
    given: Option<String>,
}

/// Asks each question on `out`, reads each answer from `input`, and ends with the score, the
/// time and the wrong answers. End of input stops the quiz there.
fn ask(
    cx: &Context<'_>,
    questions: &[Question],
    input: &mut impl BufRead,
    out: &mut impl Write,
    replay: &str,
) -> Result<Status> {
    let style = cx.style;
    let started = Instant::now();
    let mut wrong: Vec<Wrong<'_>> = Vec::new();
    let mut asked = 0;
    for (n, q) in questions.iter().enumerate() {
        writeln!(
            out,
            "\n{}",
            style.bold(&format!("{}/{}  {}", n + 1, questions.len(), q.prompt))
        )?;
        for (i, choice) in q.choices.iter().enumerate() {
            writeln!(out, "  {}) {choice}", i + 1)?;
        }
        write!(out, "a number, or the code or name (Enter skips): ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            break;
        }
        asked += 1;
        let (right, given) = q.check(cx.c, cx.index, &line);
        if right {
            writeln!(out, "right: {}", q.choices[q.answer])?;
        } else {
            writeln!(
                out,
                "{} the answer is {}) {}",
                style.alert("wrong:"),
                q.answer + 1,
                q.choices[q.answer]
            )?;
            wrong.push(Wrong { question: q, given });
        }
        if q.answer_text != q.choices[q.answer] {
            for line in q.answer_text.lines() {
                writeln!(out, "  {}", style.dim(line))?;
            }
        }
    }
    let elapsed = started.elapsed();
    writeln!(
        out,
        "\n{}",
        style.bold(&format!(
            "score {}/{asked} in {}",
            asked - wrong.len(),
            quiz::duration_label(elapsed.as_millis() as i64)
        ))
    )?;
    if asked < questions.len() {
        writeln!(
            out,
            "stopped after {asked} of {} questions",
            questions.len()
        )?;
    }
    if !wrong.is_empty() {
        writeln!(out, "wrong answers:")?;
        for w in &wrong {
            let given = match &w.given {
                Some(text) => format!("you answered {}", crate::text::escape_controls(text)),
                None => "skipped".to_string(),
            };
            writeln!(
                out,
                "  {}  {}  answer: {}; {given}",
                w.question.card_id, w.question.prompt, w.question.choices[w.question.answer]
            )?;
        }
    }
    writeln!(out, "the same questions again: {replay}")?;
    Ok(Status::Success)
}

/// A seed that differs from run to run.
fn fresh_seed() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (now.as_nanos() as u64) ^ u64::from(std::process::id()).rotate_left(32)
}
