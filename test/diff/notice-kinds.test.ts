/**
 * A correction notice is a correction in every language a newsroom writes in: "Korrektur:",
 * "Anmerkung der Redaktion:", "Rectificatif :" and "Fe de erratas:" were kind `addition`, so a
 * site that corrects openly in German, French or Spanish counted as editing silently (a tester's
 * finding). And an update is no correction: the article's "Updated …" line, which a page may gain
 * at any edit, says when and not what, so it is no notice in any language.
 */
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { classifyChange, isCorrectionNotice } from '../../src/diff/kind';
import { normalizeText } from '../../src/extract';

const STORY = [
  'The council approved the budget on Thursday after a debate that lasted most of the night.',
  'The mayor said the plan would fund new schools and repair roads across the city.',
];
const version = (paragraphs: string[]) => ({ title: 'Budget approved', text: normalizeText(paragraphs.join('\n\n')) });
/** The kinds of a version that adds `line` at the end of the story. */
const kindsAdding = (line: string) => classifyChange(diffVersions(version(STORY), version([...STORY, line])));

describe('correction notices in the common news languages', () => {
  it.each([
    ['English', 'Correction: An earlier version of this article misstated the vote count.'],
    ['English, in capitals with a date', 'CORRECTION (March 13): A previous version of this story gave the wrong total.'],
    ['English, an editor’s note', 'Editor’s Note: This article has been updated with a response from the White House.'],
    ['English, a clarification', 'Clarification: This story has been changed to make clear that the bill passed the Senate.'],
    ['German', 'Korrektur: In einer früheren Version dieses Artikels hieß es, das Gesetz sei mit 53 zu 47 Stimmen verabschiedet worden.'],
    ['German, with its date', 'Korrektur vom 13. März: Wir haben den Namen des Senators korrigiert.'],
    ['German, an editor’s note', 'Anmerkung der Redaktion: Wir haben den Namen des Senators korrigiert.'],
    ['German, a notice inside the paragraph', 'In einer früheren Fassung dieses Artikels hieß es, die Ausgaben stiegen um fünf Prozent.'],
    ['English, a footnote', '1 This article was updated to correct the vote count.'],
    ['French', 'Rectificatif : une version précédente de cet article indiquait un mauvais décompte des voix.'],
    ['French, an editor’s note', 'Note de la rédaction : cet article a été corrigé le 13 mars.'],
    ['Spanish', 'Fe de erratas: Una versión anterior de este artículo indicaba un recuento de votos incorrecto.'],
    ['Spanish, a clarification', 'Aclaración: El proyecto fue aprobado por el Senado, no por el Congreso.'],
    ['Italian', 'Rettifica: in una precedente versione si indicava un risultato sbagliato del voto.'],
    ['Italian, a notice inside the paragraph', 'Una precedente versione di questo articolo riportava un conteggio dei voti errato.'],
    ['Portuguese', 'Correção: Uma versão anterior deste texto informava um placar errado da votação.'],
    ['Portuguese, an editor’s note', 'Nota da redação: o nome do senador foi corrigido.'],
    ['Dutch', 'Correctie: In een eerdere versie van dit artikel stond een verkeerde uitslag van de stemming.'],
    ['Dutch, an editor’s note', 'Noot van de redactie: de naam van de senator is gecorrigeerd.'],
    ['Chinese', '更正：本文此前版本误称投票结果为七比二，实为五比四。'],
    ['Chinese, in brackets', '【更正】本报3月12日报道中议员姓名有误，特此更正。'],
    ['Japanese', '訂正：当初の記事で採決の結果を誤って記載していました。'],
    ['Japanese, an apology and correction', 'おわびと訂正：3月12日の記事で議員の名前に誤りがありました。'],
    ['Korean', '정정: 이 기사의 이전 버전에서 표결 결과를 잘못 표기했습니다.'],
    ['Arabic', 'تصحيح: ذكرت نسخة سابقة من هذا المقال نتيجة التصويت بشكل خاطئ.'],
  ])('%s: a version that adds it is a correction', (_name, notice) => {
    expect(isCorrectionNotice(notice)).toBe(true);
    expect(kindsAdding(notice)).toEqual(['correction']);
  });

  it.each([
    'The market saw a sharp correction on Tuesday.',
    'Corrections officers said the prison was understaffed.',
    'Korrekturen am Haushalt seien nicht geplant, sagte die Kämmerin.',
    'Précision horlogère et savoir-faire font la réputation de la région.',
    'Nota bene: the council meets again on Monday.',
    '更正后的数据显示，本市失业率在三月份有所下降。',
    '정정당당하게 경기를 치른 선수들에게 박수를 보냈다.',
    'تصحيح المسار ضروري قبل نهاية العام.',
  ])('a sentence that only uses the word is an addition: %s', (sentence) => {
    expect(isCorrectionNotice(sentence)).toBe(false);
    expect(kindsAdding(sentence)).toEqual(['addition']);
  });
});

describe('updates', () => {
  it.each([
    'Updated March 12, 2025, 6:40 p.m. ET',
    'Last updated: March 12, 2025',
    'Updated: Thursday, March 12, 2025 at 4:05 p.m. ET',
    'Aktualisiert am 13. Februar 2026, 18:57 Uhr',
    'Mis à jour le 12 mars 2025 à 16h05',
    'Actualizado el 12 de marzo de 2025',
    '更新时间：2026年3月12日 18:40',
    '最終更新:3/9(木) 18:45',
  ])('a page that gains its update line "%s" has added no notice', (line) => {
    expect(isCorrectionNotice(line)).toBe(false);
    expect(kindsAdding(line)).toEqual(['addition']);
  });

  it.each([
    'Update, 6:40 p.m.: The House speaker said Wednesday that he would bring the bill to a vote next week.',
    'Update: This story has been updated with comment from the mayor’s office.',
    'This story has been updated to include a response from the company.',
    'Updated to include comment from the mayor’s office.',
    'Updated on March 13 to add the final vote count.',
  ])('an English update note still says what changed: %s', (note) => {
    expect(isCorrectionNotice(note)).toBe(true);
  });
});
