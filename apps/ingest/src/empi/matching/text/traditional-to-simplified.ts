/**
 * Traditional -> simplified folding for the characters that occur in Chinese surnames and given names.
 * A full converter (OpenCC) carries phrase dictionaries of several megabytes; person names only need
 * this character table, and folding both sides makes 陳偉 and 陈伟 the same name. Pairs listed as
 * traditional then simplified.
 */
const PAIRS =
  '陳陈張张劉刘楊杨黃黄趙赵吳吴孫孙馬马羅罗鄭郑謝谢許许韓韩馮冯鄧邓蕭萧葉叶蘇苏呂吕盧卢鍾钟譚谭陸陆' +
  '範范賈贾韋韦鄒邹閻阎閆闫龍龙賀贺顧顾龔龚萬万錢钱嚴严湯汤歐欧陽阳單单莊庄聶聂華华溫温紀纪藍蓝' +
  '賴赖鄔邬饒饶齊齐貝贝費费殷殷鮑鲍喬乔隨随駱骆褚褚蔣蒋餘余塗涂鳳凤魯鲁戚戚簡简遲迟' +
  '偉伟軍军紅红麗丽靜静強强國国輝辉傑杰濤涛鵬鹏潔洁嬌娇蘭兰艷艳豔艳飛飞東东慶庆雲云寶宝貴贵榮荣' +
  '興兴剛刚傳传學学書书義义愛爱壽寿順顺賢贤進进長长開开廣广雙双鐵铁銀银鳴鸣曉晓穎颖瑩莹嬋婵詩诗' +
  '語语夢梦瑤瑶鑫鑫權权實实誠诚達达聰聪鋒锋蓮莲滿满來来禮礼樂乐歡欢勝胜財财順顺寧宁婦妇' +
  '紫紫綠绿紅红銘铭鈞钧鎮镇錦锦鋼钢鑽钻釗钊儀仪倫伦僑侨億亿價价優优雋隽麥麦黨党齡龄' +
  '嶺岭嵐岚峯峰巖岩燦灿煒炜燁烨熾炽爍烁璣玑瓊琼環环瑋玮璐璐琺珐鳳凤鶴鹤鷹鹰鴻鸿鵑鹃鶯莺' +
  '蕓芸藝艺蓉蓉薈荟蘊蕴葦苇華华萊莱蕾蕾薑姜處处聖圣堅坚場场塵尘壯壮夥伙奪夺嬪嫔' +
  '學学寶宝導导將将專专萍萍歲岁禎祯祿禄福福稱称穩稳競竞筆笔節节範范純纯紗纱紹绍經经綺绮維维' +
  '緒绪編编縉缙織织繼继纓缨網网羣群義义習习聞闻聯联聲声肅肃脈脉興兴舉举艦舰' +
  '術术衛卫見见規规覺觉親亲觀观訓训設设詠咏誌志認认誼谊諾诺謙谦謹谨譽誉讓让豐丰貞贞' +
  '賓宾贊赞躍跃輕轻輪轮輯辑轉转遠远選选遺遗邁迈鄉乡醫医釋释鈴铃銳锐鋒锋錫锡鍊炼鏡镜' +
  '長长門门閃闪閣阁關关陣阵隊队陰阴陳陈隱隐雞鸡雙双離离電电靈灵韻韵頌颂順顺領领頤颐' +
  '題题顏颜願愿風风飄飘餘余館馆駿骏騰腾驍骁體体髮发鬱郁魁魁魚鱼鯉鲤鴿鸽麗丽黃黄齊齐';

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const traditional = PAIRS[i]!;
  const simplified = PAIRS[i + 1]!;
  if (traditional !== simplified) FOLD.set(traditional, simplified);
}

/** Replaces every traditional character of the table by its simplified form; other characters stay. */
export function foldToSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}
