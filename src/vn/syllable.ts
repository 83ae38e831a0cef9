/**
 * Vietnamese syllables: whether a word could be one, used to tell Vietnamese text from text
 * that only looks like it (legacy-encoded bytes read as Unicode).
 */

/** Onsets, longest first so "ngh" wins over "ng" and "n". */
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';

/** Rhymes without tone marks (vowel nucleus and coda), as spelt in modern orthography. */
const RHYMES = [
  'a ai ao au ay ac ach am an ang anh ap at',
  'ăc ăm ăn ăng ăp ăt',
  'âc âm ân âng âp ât âu ây',
  'e eo ec em en eng ep et',
  'ê êu êch êm ên ênh êp êt',
  'i ia iu ich im in inh ip it iêc iêm iên iêng iêp iêt iêu',
  'o oa oac oach oai oam oan oang oanh oap oat oay oao oăc oăm oăn oăng oăt oe oen oet oeo oi oc om on ong op ot oong ooc',
  'ô ôi ôc ôm ôn ông ôp ôt',
  'ơ ơi ơm ơn ơp ơt ơu',
  'u ua ui uc um un ung up ut uy uân uât uây uâng uê uêch uênh uơ uych uynh uyt uyu uya uyên uyêt uôc uôi uôm uôn uông uôt',
  'ư ưa ưi ưc ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu',
  'y yt ynh ych yêm yên yêt yêu',
].join(' ').split(' ');

const SYLLABLE = new RegExp(`^${ONSET}(?:${RHYMES.sort((a, b) => b.length - a.length).join('|')})$`, 'u');

/** The five tone marks, as combining characters; the other marks (ˆ ˘ ʼ) belong to letters. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Whether `word` is spelt like one Vietnamese syllable (any case, at most one tone mark). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}
