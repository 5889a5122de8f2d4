/**
 * Small stop-word lists (data), folded (lower case, no diacritics), for key phrases. Chinese and
 * Japanese list words as `Intl.Segmenter` cuts them (particles, pronouns, auxiliaries); they are
 * folded where read, since folding drops the voicing marks of kana.
 */
export const STOP_WORDS: Record<string, readonly string[]> = {
  en: "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up upon very was we were what when where which while who whom why will with within would you your yours via per etc eg ie must may might shall".split(
    " ",
  ),
  fr: "a au aux avec ce ces cet cette dans de des du elle elles en est et etre eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ont ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y d l c n s j m t qu ainsi afin aussi comme donc entre plus sans selon sous tres tout tous toute toutes".split(
    " ",
  ),
  es: "a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa ese eso esta este esto estos estas fue ha han hay la las le les lo los mas me mi muy nada ni no nos o otra otro para pero por porque que quien se ser si sin sobre su sus tambien te tiene todo todos tu un una uno unos y ya".split(
    " ",
  ),
  ru: "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между".split(
    " ",
  ),
  ar: "في من على إلى الى عن مع هذا هذه ذلك التي الذي الذين أن ان إن او أو ما لا لم لن قد كان كانت هو هي هم نحن أنا كل بين بعد قبل حتى ثم أي اي عند كما وقد وفي ومن وعلى".split(
    " ",
  ),
  zh: "的 了 和 是 在 有 我 你 他 她 它 我们 你们 他们 这 那 这个 那个 这些 那些 也 就 都 而 及 与 或 等 对 从 把 被 让 向 以 之 其 为 为了 于 上 中 下 个 一 一个 不 没有 很 又 将 并 但 但是 如 如果 因为 所以 所 着 过 吧 呢 吗 啊 该 各 此 以及 通过 进行 已经 可以 需要 应该 能够 还 要 会 能 更 最 得 地 到 给 由 自 至 其他 这样 因此 并且 以便".split(
    " ",
  ),
  ja: "の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる において ば なかっ なく しかし について せ だっ できる それ う ので なお のみ でき き つ における および いう さらに でも ら たり に関する ます です ん なら そして それぞれ 私 私たち 我々".split(
    " ",
  ),
};
