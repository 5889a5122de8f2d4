/**
 * Small stop-word lists (data), folded (lower case, no diacritics), for key phrases. Chinese is
 * not listed: it is written without spaces, so phrases would need word segmentation.
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
};
