<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
  <context>
    <name>Appearance</name>
    <message>
      <source>&amp;Theme</source>
      <translation>佈景主題(&amp;T)</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>Draw the window in this theme</source>
      <translation>以此佈景主題繪製視窗</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟隨系統</translation>
    </message>
    <message>
      <source>High contrast</source>
      <translation>高對比</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>淺色</translation>
    </message>
  </context>
  <context>
    <name>Autosave</name>
    <message>
      <source>An unreadable recovery file was removed: {0}</source>
      <translation>已移除一個無法讀取的復原檔：{0}</translation>
    </message>
    <message>
      <source>Autosave failed: {0}</source>
      <translation>自動儲存失敗：{0}</translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>復原未儲存的工作</translation>
    </message>
    <message>
      <source>The app ended without saving {0}. Its last state, from {1}, was kept.

Open it now? (Discard deletes it; Cancel keeps it for the next launch.)</source>
      <translation>程式結束時尚未儲存 {0}。已保留它在 {1} 的最後狀態。

現在開啟嗎？（捨棄會刪除它；取消則保留到下次啟動。）</translation>
    </message>
    <message>
      <source>an unsaved scenario</source>
      <translation>一個未儲存的情境</translation>
    </message>
  </context>
  <context>
    <name>Behaviour</name>
    <message>
      <source>Diverging: the learning rate {lr} is too large. Every step jumps past the bottom of the loss curve and lands higher, so the loss grew on each of the last {n} steps ({first} -&gt; {last}) and the steps keep growing. Lower the learning rate.</source>
      <translation>發散：學習率 {lr} 太大。每一步都越過損失曲線的谷底並落在更高處，所以最近 {n} 步損失每步都在增加（{first} -&gt; {last}），步伐也越來越大。請調低學習率。</translation>
    </message>
    <message>
      <source>Oscillating: each step overshoots the bottom of the loss curve, so the gradient of {name} changed sign after each of the last {n} steps ({grads}). The learning rate {lr} is too large for how curved the loss is here; a smaller one settles.</source>
      <translation>振盪：每一步都越過損失曲線的谷底，所以最近 {n} 步之後 {name} 的梯度每次都變號（{grads}）。對這裡損失曲線的彎曲程度而言，學習率 {lr} 太大；較小的學習率就會穩定下來。</translation>
    </message>
    <message>
      <source>Stagnating: every sigmoid {name} feeds is saturated at {name} = {value} (s'(z) &lt;= {slope}, nearly 0), so the gradient vanishes ({grad}) and each step moves {name} only {move}: stuck on a plateau, not at a minimum. The sigmoids cap the loss, so too large a learning rate strands {name} here instead of blowing up. Lower it and reset.</source>
      <translation>停滯：在 {name} = {value} 時，{name} 所連到的每個 sigmoid 都已飽和（s'(z) &lt;= {slope}，幾乎為 0），所以梯度消失（{grad}），每一步只讓 {name} 移動 {move}：卡在高原上，而不是在最小值。sigmoid 讓損失有上限，所以學習率太大時不會爆掉，而是把 {name} 困在這裡。請調低學習率並重設。</translation>
    </message>
    <message>
      <source>the weights</source>
      <translation>所有權重</translation>
    </message>
  </context>
  <context>
    <name>DerivationPanel</name>
    <message>
      <source>Copy as LaTeX</source>
      <translation>複製為 LaTeX</translation>
    </message>
    <message>
      <source>Copy the derivation with its numbers as LaTeX</source>
      <translation>將含數值的推導複製為 LaTeX</translation>
    </message>
    <message>
      <source>Derivation</source>
      <translation>推導</translation>
    </message>
    <message>
      <source>Path {k} is dead: z{cell} = {z} is not above 0, where ReLU is flat, so its slope is exactly 0 and the path adds nothing.</source>
      <translation>第 {k} 條路徑已死：z{cell} = {z} 不大於 0，ReLU 在那裡是平的，所以斜率恰為 0，這條路徑貢獻為零。</translation>
    </message>
    <message>
      <source>Rows that would give away a value the quiz hides are left out.</source>
      <translation>會洩漏測驗隱藏數值的列已略去。</translation>
    </message>
    <message>
      <source>Step 1. Define the model's values (定義模型參數)</source>
      <translation>步驟 1. 定義模型參數</translation>
    </message>
    <message>
      <source>Step 2. The gradient of {param}: a sum over its {n} backprop paths (列出梯度公式)</source>
      <translation>步驟 2. 列出 {param} 梯度公式：{n} 條反向傳播路徑之和</translation>
    </message>
    <message>
      <source>Step 2. The gradient of {param}: one backprop path (列出梯度公式)</source>
      <translation>步驟 2. 列出 {param} 梯度公式：一條反向傳播路徑</translation>
    </message>
    <message>
      <source>Step 3. Compute each partial derivative (計算偏微分)</source>
      <translation>步驟 3. 計算偏微分</translation>
    </message>
    <message>
      <source>Substituting every result into the formula of Step 2:</source>
      <translation>將以上結果代入步驟 2 的梯度公式，得：</translation>
    </message>
    <message>
      <source>The formulas cannot be typeset right now: they are shown as plain text, with the current numbers. Typesetting is tried again in a minute.</source>
      <translation>目前無法排版公式：以純文字顯示目前的數值，一分鐘後會再試著排版。</translation>
    </message>
    <message>
      <source>The gradient of {param}</source>
      <translation>{param} 的梯度</translation>
    </message>
    <message>
      <source>b is the conv bias: one number added to each of the four conv cells.</source>
      <translation>b 是捲積層的偏差：同一個數加到四個捲積格上。</translation>
    </message>
    <message>
      <source>c is the head bias, added to the prediction ŷ.</source>
      <translation>c 是輸出層的偏差，加到預測值 ŷ 上。</translation>
    </message>
    <message>
      <source>ŷ is the model's prediction; yy is the target.</source>
      <translation>ŷ 為模型的預測值；yy 為目標值。</translation>
    </message>
    <message>
      <source>z00, z01, z10, z11 are the conv layer's values before the activation function (the sigmoid).</source>
      <translation>z00, z01, z10, z11 為捲積層送入激勵函數（sigmoid）前的數值。</translation>
    </message>
  </context>
  <context>
    <name>Descent</name>
    <message>
      <source>%1 (all weights)</source>
      <translation>%1（所有權重）</translation>
    </message>
    <message>
      <source>Clear kept runs</source>
      <translation>清除保留的執行</translation>
    </message>
    <message>
      <source>Descend on %1</source>
      <translation>對 %1 做梯度下降</translation>
    </message>
    <message>
      <source>Keep this run</source>
      <translation>保留這次執行</translation>
    </message>
    <message>
      <source>Learning rate %1</source>
      <translation>學習率 %1</translation>
    </message>
    <message>
      <source>Move to step %1</source>
      <translation>移到第 %1 步</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>重設</translation>
    </message>
    <message>
      <source>Speed %1 steps/s</source>
      <translation>速度 每秒 %1 步</translation>
    </message>
    <message>
      <source>Start from step %1</source>
      <translation>從第 %1 步重新開始</translation>
    </message>
    <message>
      <source>Stop rule</source>
      <translation>停止規則</translation>
    </message>
    <message>
      <source>all weights</source>
      <translation>所有權重</translation>
    </message>
    <message>
      <source>learning rate too large for the first step, so the descent cannot start: the gradient of {which} is {grad}, and the learning rate {lr} times it would move {which} to {value}, beyond the bound ±{bound}; stopped at step {prev}</source>
      <translation>學習率對第一步來說太大，所以下降無法開始：{which} 的梯度為 {grad}，學習率 {lr} 乘以它會把 {which} 移到 {value}，超出界限 ±{bound}；已停在第 {prev} 步</translation>
    </message>
    <message>
      <source>learning rate too large, so the descent diverges: every step jumps past the bottom of the loss curve and lands higher, and at step {step} the loss would grow from {start} (step 0) to {new_loss}; stopped at step {prev}</source>
      <translation>學習率太大，所以下降發散：每一步都越過損失曲線的谷底並落在更高處，第 {step} 步時損失會從 {start}（第 0 步）增加到 {new_loss}；已停在第 {prev} 步</translation>
    </message>
    <message>
      <source>learning rate too large, so the descent diverges: every step overshoots the bottom of the loss curve by more than the last, and step {step} would move {name} to {value}, beyond the bound ±{bound} (loss grew from {start} to {loss} by step {prev}); stopped at step {prev}</source>
      <translation>學習率太大，所以下降發散：每一步越過損失曲線谷底的距離都比上一步更遠，第 {step} 步會把 {name} 移到 {value}，超出界限 ±{bound}（到第 {prev} 步時損失已從 {start} 增加到 {loss}）；已停在第 {prev} 步</translation>
    </message>
    <message>
      <source>learning rate too large, so the descent diverges: the gradient overflowed at step {step}</source>
      <translation>學習率太大，所以下降發散：第 {step} 步時梯度溢位</translation>
    </message>
    <message>
      <source>learning rate too large, so the descent stagnates: step {step} would throw {name} from {old} to {value}, where every sigmoid it feeds is saturated (flat: s'(z) is nearly 0), so its gradient would vanish to {grad} and descent would be stuck on a plateau (loss {loss} -&gt; {new_loss}). Through the sigmoids the loss has a ceiling, so {name} cannot diverge: it gets stuck instead; stopped at step {prev}</source>
      <translation>學習率太大，所以下降停滯：第 {step} 步會把 {name} 從 {old} 甩到 {value}，那裡它所連到的每個 sigmoid 都已飽和（平坦：s'(z) 幾乎為 0），所以梯度會消失到 {grad}，下降會卡在高原上（損失 {loss} -&gt; {new_loss}）。經過 sigmoid 後損失有上限，所以 {name} 不會發散，而是卡住；已停在第 {prev} 步</translation>
    </message>
    <message>
      <source>learning rate too large, so the descent stagnates: step {step} would throw {name} from {old} to {value}, where every tanh it feeds is saturated (flat: tanh'(z) is nearly 0), so its gradient would vanish to {grad} and descent would be stuck on a plateau (loss {loss} -&gt; {new_loss}). Through tanh the loss has a ceiling, so {name} cannot diverge: it gets stuck instead; stopped at step {prev}</source>
      <translation>學習率太大，所以下降停滯：第 {step} 步會把 {name} 從 {old} 甩到 {value}，那裡它所連到的每個 tanh 都已飽和（平坦：tanh'(z) 幾乎為 0），所以梯度會消失到 {grad}，下降會卡在高原上（損失 {loss} -&gt; {new_loss}）。經過 tanh 後損失有上限，所以 {name} 不會發散，而是卡住；已停在第 {prev} 步</translation>
    </message>
    <message>
      <source>lr = %1</source>
      <translation>學習率 = %1</translation>
    </message>
    <message>
      <source>the descent would stop dead: step {step} would move {name} from {old} to {value}, where every ReLU it feeds has z &lt;= 0, so relu'(z) = 0, its gradient would be exactly {grad} and no later step could move it (loss {loss} -&gt; {new_loss}); a smaller learning rate, or leaky_relu, keeps the cells alive; stopped at step {prev}</source>
      <translation>下降會就此停死：第 {step} 步會把 {name} 從 {old} 移到 {value}，那裡它所連到的每個 ReLU 都有 z &lt;= 0，所以 relu'(z) = 0，梯度會恰好是 {grad}，之後任何一步都無法再移動它（損失 {loss} -&gt; {new_loss}）；較小的學習率或 leaky_relu 能讓這些格子保持活著；已停在第 {prev} 步</translation>
    </message>
    <message>
      <source>the selected parameter</source>
      <translation>選取的參數</translation>
    </message>
    <message>
      <source>the weights</source>
      <translation>所有權重</translation>
    </message>
  </context>
  <context>
    <name>DescentControls</name>
    <message>
      <source> descend on </source>
      <translation> 下降參數 </translation>
    </message>
    <message>
      <source> learning rate </source>
      <translation> 學習率 </translation>
    </message>
    <message>
      <source> steps</source>
      <translation> 步</translation>
    </message>
    <message>
      <source> steps/s</source>
      <translation> 步/秒</translation>
    </message>
    <message>
      <source>Also stop once every |gradient| is below the tolerance</source>
      <translation>當每個 |梯度| 都小於容許值時也停止</translation>
    </message>
    <message>
      <source>Also stop when the gradient is small</source>
      <translation>梯度夠小時也停止</translation>
    </message>
    <message>
      <source>Back to the start; forget the recorded steps</source>
      <translation>回到起點；清除已記錄的步驟</translation>
    </message>
    <message>
      <source>Clear kept runs</source>
      <translation>清除保留的執行</translation>
    </message>
    <message>
      <source>Descend on</source>
      <translation>下降參數</translation>
    </message>
    <message>
      <source>Descent</source>
      <translation>下降控制</translation>
    </message>
    <message>
      <source>Descent settings</source>
      <translation>梯度下降設定</translation>
    </message>
    <message>
      <source>Gradient tolerance</source>
      <translation>梯度容許值</translation>
    </message>
    <message>
      <source>Keep this run</source>
      <translation>保留此次執行</translation>
    </message>
    <message>
      <source>Keep this run as a ghost to compare with the next</source>
      <translation>保留此次執行作為對照</translation>
    </message>
    <message>
      <source>Learning rate</source>
      <translation>學習率</translation>
    </message>
    <message>
      <source>Learning rate, 1e-4 to 100 on a log scale; the dashed path shows where it will take the descent</source>
      <translation>學習率，對數刻度 1e-4 至 100；虛線顯示梯度下降將走向何處</translation>
    </message>
    <message>
      <source>Learning rate, on a log scale</source>
      <translation>學習率（對數刻度）</translation>
    </message>
    <message>
      <source>Log scale</source>
      <translation>對數刻度</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暫停</translation>
    </message>
    <message>
      <source>Play</source>
      <translation>播放</translation>
    </message>
    <message>
      <source>Play or pause the descent</source>
      <translation>播放或暫停梯度下降</translation>
    </message>
    <message>
      <source>Play speed, steps a second</source>
      <translation>播放速度（每秒步數）</translation>
    </message>
    <message>
      <source>Play stops after a whole number of steps, 1 to %1.</source>
      <translation>播放會在整數步後停止，範圍 1 到 %1。</translation>
    </message>
    <message>
      <source>Play stops after this many steps</source>
      <translation>播放在這麼多步之後停止</translation>
    </message>
    <message>
      <source>Remove every kept run</source>
      <translation>移除所有保留的執行</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>重設</translation>
    </message>
    <message>
      <source>Scrub through the recorded steps; every panel follows</source>
      <translation>拖曳瀏覽已記錄的步驟；所有面板同步</translation>
    </message>
    <message>
      <source>Show the loss against step on a log scale</source>
      <translation>以對數刻度顯示損失對步數</translation>
    </message>
    <message>
      <source>Show the previous step</source>
      <translation>顯示上一步</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Step back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Steps per second while playing (1 to 1000)</source>
      <translation>播放時每秒步數（1 至 1000）</translation>
    </message>
    <message>
      <source>Stop after this many steps</source>
      <translation>在此步數後停止</translation>
    </message>
    <message>
      <source>Take one descent step</source>
      <translation>做一步梯度下降</translation>
    </message>
    <message>
      <source>The learning rate takes a number from 0.0001 to 100.</source>
      <translation>學習率可填 0.0001 到 100 之間的數。</translation>
    </message>
    <message>
      <source>The speed takes a whole number of steps a second, 1 to 1000.</source>
      <translation>速度可填每秒整數步，範圍 1 到 1000。</translation>
    </message>
    <message>
      <source>The step shown and the last step recorded</source>
      <translation>顯示的步數與最後記錄的步數</translation>
    </message>
    <message>
      <source>The tolerance for the gradient (press Enter)</source>
      <translation>梯度的容許值（按 Enter）</translation>
    </message>
    <message>
      <source>The tolerance takes a number above 0, such as 1e-06.</source>
      <translation>容許誤差可填大於 0 的數，例如 1e-06。</translation>
    </message>
    <message>
      <source>Timeline: the step on show</source>
      <translation>時間軸：目前顯示的步數</translation>
    </message>
    <message>
      <source>Type a learning rate (1e-4 to 100) and press Enter</source>
      <translation>輸入學習率（1e-4 至 100）後按 Enter</translation>
    </message>
    <message>
      <source>Which parameter descends: w11, the parameter selected in the diagram, or w11..w22 and wa..wd together</source>
      <translation>哪個參數做梯度下降：w11、網路圖中選取的參數，或 w11..w22 與 wa..wd 一起</translation>
    </message>
    <message>
      <source>all weights</source>
      <translation>所有權重</translation>
    </message>
    <message>
      <source>or |gradient| &lt;</source>
      <translation>或 |梯度| &lt;</translation>
    </message>
    <message>
      <source>step %1 of %2</source>
      <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
      <source>stop after </source>
      <translation>停止於 </translation>
    </message>
    <message>
      <source>the conv bias b</source>
      <translation>捲積偏差 b</translation>
    </message>
    <message>
      <source>the head bias c</source>
      <translation>輸出偏差 c</translation>
    </message>
    <message>
      <source>the selected parameter</source>
      <translation>選取的參數</translation>
    </message>
    <message>
      <source>w11 (homework)</source>
      <translation>w11（作業）</translation>
    </message>
  </context>
  <context>
    <name>DescentFields</name>
    <message>
      <source>Not changed: %1 is not a whole number.</source>
      <translation>未變更：%1 不是整數。</translation>
    </message>
    <message>
      <source>Not changed: %1 is too large.</source>
      <translation>未變更：%1 太大。</translation>
    </message>
    <message>
      <source>Not changed: %1 is too small.</source>
      <translation>未變更：%1 太小。</translation>
    </message>
    <message>
      <source>Not changed: %1.</source>
      <translation>未變更：%1。</translation>
    </message>
    <message>
      <source>Not changed: nothing was typed.</source>
      <translation>未變更：沒有輸入任何內容。</translation>
    </message>
    <message>
      <source>Not changed: “%1” is not a number.</source>
      <translation>未變更：「%1」不是數字。</translation>
    </message>
  </context>
  <context>
    <name>DescentPanel</name>
    <message>
      <source>(more: hover)</source>
      <translation>（更多：滑鼠停留查看）</translation>
    </message>
    <message>
      <source>Gradient descent</source>
      <translation>梯度下降</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>損失地形</translation>
    </message>
    <message>
      <source>Plots</source>
      <translation>圖表</translation>
    </message>
    <message>
      <source>Points that would give away a value the quiz hides are left out of the plots.</source>
      <translation>會洩漏測驗隱藏數值的點已從圖中略去。</translation>
    </message>
    <message>
      <source>The loss curve, the loss and the value against step</source>
      <translation>損失曲線、損失與數值對步數的圖</translation>
    </message>
    <message>
      <source>The loss over two values at once, and the descent on it</source>
      <translation>同時對兩個數值的損失，以及在其上的下降</translation>
    </message>
  </context>
  <context>
    <name>Diagram</name>
    <message>
      <source>%1   window %2…%3</source>
      <translation>%1   視窗 %2…%3</translation>
    </message>
    <message>
      <source>(the sum of {0} paths)</source>
      <translation>（{0} 條路徑之和）</translation>
    </message>
    <message>
      <source>Click to light its paths; drag or wheel to change it;
double-click or Enter to type.</source>
      <translation>點一下點亮它的路徑；拖曳或轉動滾輪來改變它；
雙擊或按 Enter 輸入數值。</translation>
    </message>
    <message>
      <source>Click to show this path alone.</source>
      <translation>點一下，只顯示這條路徑。</translation>
    </message>
    <message>
      <source>Conv layer: z = window · w%1,  o = %2(z)</source>
      <translation>捲積層：z = 視窗 · w%1，o = %2(z)</translation>
    </message>
    <message>
      <source>Conv layer: z = window · w,  o = s(z)</source>
      <translation>捲積層：z = 視窗 · w，o = s(z)</translation>
    </message>
    <message>
      <source>Drag or wheel to change it; double-click or Enter to type.</source>
      <translation>拖曳或轉動滾輪來改變它；雙擊或按 Enter 輸入數值。</translation>
    </message>
    <message>
      <source>Filter w (2×2), shared by all 4 cells</source>
      <translation>濾波器 w（2×2），4 個格共用</translation>
    </message>
    <message>
      <source>Head</source>
      <translation>輸出層權重</translation>
    </message>
    <message>
      <source>Input a (3×3)</source>
      <translation>輸入 a（3×3）</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>損失</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>輸出</translation>
    </message>
    <message>
      <source>Path {0} into {1} via z{2}</source>
      <translation>進入 {1} 的第 {0} 條路徑，經過 z{2}</translation>
    </message>
    <message>
      <source>Path {0} into {1} via ŷ</source>
      <translation>進入 {1} 的第 {0} 條路徑，經過 ŷ</translation>
    </message>
    <message>
      <source>Some values are hidden for the quiz.</source>
      <translation>部分數值因測驗而隱藏。</translation>
    </message>
    <message>
      <source>conv bias b</source>
      <translation>捲積偏差 b</translation>
    </message>
    <message>
      <source>dashed: the other factor</source>
      <translation>虛線：另一個因子</translation>
    </message>
    <message>
      <source>green ring: selected</source>
      <translation>綠框：已選取</translation>
    </message>
    <message>
      <source>head bias c</source>
      <translation>輸出偏差 c</translation>
    </message>
    <message>
      <source>loss BCE</source>
      <translation>損失 BCE</translation>
    </message>
    <message>
      <source>loss L</source>
      <translation>損失 L</translation>
    </message>
    <message>
      <source>loss MSE</source>
      <translation>損失 MSE</translation>
    </message>
    <message>
      <source>path term &lt; 0</source>
      <translation>路徑項 &lt; 0</translation>
    </message>
    <message>
      <source>path term &gt; 0</source>
      <translation>路徑項 &gt; 0</translation>
    </message>
    <message>
      <source>prediction ŷ</source>
      <translation>預測值 ŷ</translation>
    </message>
    <message>
      <source>relu'(z%1) = 0: z%1 = %2 &lt;= 0, no gradient flows through this cell</source>
      <translation>relu'(z%1) = 0：z%1 = %2 &lt;= 0，沒有梯度流過這個捲積格</translation>
    </message>
    <message>
      <source>target yy</source>
      <translation>目標值 yy</translation>
    </message>
    <message>
      <source>was {0}</source>
      <translation>原為 {0}</translation>
    </message>
    <message>
      <source>width ∝ |term|</source>
      <translation>線寬 ∝ |項|</translation>
    </message>
    <message>
      <source>∂ …: gradient ∂%1/∂(node)</source>
      <translation>∂ …：梯度 ∂%1/∂(節點)</translation>
    </message>
    <message>
      <source>∂ …: gradient ∂MSE/∂(node)</source>
      <translation>∂ …：梯度 ∂MSE/∂(節點)</translation>
    </message>
  </context>
  <context>
    <name>Enlarger</name>
    <message>
      <source>Enlarge the derivation</source>
      <translation>放大推導</translation>
    </message>
    <message>
      <source>Let the derivation take the place of the plots (again: give it back)</source>
      <translation>讓推導佔用圖表的位置（再按一次：還原）</translation>
    </message>
  </context>
  <context>
    <name>ErrorReporter</name>
    <message>
      <source>(the log could not be written)</source>
      <translation>（無法寫入紀錄檔）</translation>
    </message>
    <message>
      <source>Something went wrong inside the app:
{0}

Your values are kept and can still be saved. Details are in {1}.</source>
      <translation>程式內部發生錯誤：
{0}

您的數值都還在，仍可儲存。詳細資訊在 {1}。</translation>
    </message>
    <message>
      <source>Unexpected error</source>
      <translation>未預期的錯誤</translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message>
      <source>%1 as %2…</source>
      <translation>%1 匯出為 %2…</translation>
    </message>
    <message>
      <source>%1 could not be written:
%2</source>
      <translation>無法寫入 %1：
%2</translation>
    </message>
    <message>
      <source>Cannot export</source>
      <translation>無法匯出</translation>
    </message>
    <message>
      <source>Descent run as CSV…</source>
      <translation>梯度下降紀錄匯出為 CSV…</translation>
    </message>
    <message>
      <source>Diagram</source>
      <translation>網路圖</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>匯出</translation>
    </message>
    <message>
      <source>Loss against step plot</source>
      <translation>損失對步數圖</translation>
    </message>
    <message>
      <source>Loss curve plot</source>
      <translation>損失曲線圖</translation>
    </message>
    <message>
      <source>Loss landscape</source>
      <translation>損失地形</translation>
    </message>
    <message>
      <source>Value against step plot</source>
      <translation>數值對步數圖</translation>
    </message>
    <message>
      <source>Worked solution as Markdown…</source>
      <translation>詳解匯出為 Markdown…</translation>
    </message>
  </context>
  <context>
    <name>FileMenu</name>
    <message>
      <source>%1[*] — CNN Backprop Visualizer</source>
      <translation>%1[*] — CNN 反向傳播視覺化</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>匯出(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>檔案(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>結束(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Random from a seed…</source>
      <translation>由種子隨機產生(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>儲存(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Scenario</source>
      <translation>情境(&amp;S)</translation>
    </message>
    <message>
      <source>Close the window</source>
      <translation>關閉視窗</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
      <source>Open a scenario</source>
      <translation>開啟情境</translation>
    </message>
    <message>
      <source>Random numbers from a seed you type; the same seed gives the same numbers</source>
      <translation>由輸入的種子產生隨機數值；相同種子得到相同數值</translation>
    </message>
    <message>
      <source>Save &amp;as…</source>
      <translation>另存新檔(&amp;A)…</translation>
    </message>
    <message>
      <source>Save the scenario</source>
      <translation>儲存情境</translation>
    </message>
    <message>
      <source>Save the scenario under a new name</source>
      <translation>以新名稱儲存情境</translation>
    </message>
    <message>
      <source>untitled</source>
      <translation>未命名</translation>
    </message>
  </context>
  <context>
    <name>FormulaView</name>
    <message>
      <source>Out of date: the current numbers are being typeset</source>
      <translation>已過時：正在排版目前的數值</translation>
    </message>
    <message>
      <source>updating…</source>
      <translation>更新中…</translation>
    </message>
  </context>
  <context>
    <name>GraphicsScene</name>
    <message>
      <source>Export...</source>
      <translation>匯出…</translation>
    </message>
  </context>
  <context>
    <name>InlineEditor</name>
    <message>
      <source>%1 and o%2 = s(%1) are computed from the window %3 and the filter w11..w22: edit those.</source>
      <translation>%1 與 o%2 = s(%1) 由窗口 %3 與濾波器 w11..w22 計算而來：請改這些值。</translation>
    </message>
    <message>
      <source>Not changed: {0}</source>
      <translation>未變更：{0}</translation>
    </message>
    <message>
      <source>The loss is computed from ŷ and the target yy: edit yy or the values behind ŷ.</source>
      <translation>損失由 ŷ 與目標值 yy 計算而來：請改 yy，或改 ŷ 背後的值。</translation>
    </message>
    <message>
      <source>ŷ is computed from o00..o11 and the head weights wa..wd: edit those.</source>
      <translation>ŷ 由 o00..o11 與輸出層權重 wa..wd 計算而來：請改這些值。</translation>
    </message>
  </context>
  <context>
    <name>Landscape</name>
    <message>
      <source>%1 at step %2: </source>
      <translation>%1 在第 %2 步：</translation>
    </message>
    <message>
      <source>%1 keeps no memory: each step is −lr × gradient.</source>
      <translation>%1 不保留記憶：每一步都是 −lr × 梯度。</translation>
    </message>
    <message>
      <source>Click a point to start a run there; drag to pan, turn the wheel to zoom</source>
      <translation>點一下某個點，從那裡開始一次下降；拖曳以平移，轉動滾輪以縮放</translation>
    </message>
    <message>
      <source>Landscape across</source>
      <translation>損失地形的橫軸</translation>
    </message>
    <message>
      <source>Landscape up</source>
      <translation>損失地形的縱軸</translation>
    </message>
    <message>
      <source>Loss landscape</source>
      <translation>損失地形</translation>
    </message>
    <message>
      <source>Which value the landscape spans across / up; all others fixed</source>
      <translation>損失地形橫向／縱向跨越的數值；其他數值固定</translation>
    </message>
    <message>
      <source>across</source>
      <translation>橫軸</translation>
    </message>
    <message>
      <source>log₁₀ MSE</source>
      <translation>log₁₀ MSE</translation>
    </message>
    <message>
      <source>predicted</source>
      <translation>預測</translation>
    </message>
    <message>
      <source>this run (%1)</source>
      <translation>這次下降（%1）</translation>
    </message>
    <message>
      <source>up</source>
      <translation>縱軸</translation>
    </message>
    <message>
      <source>−gradient</source>
      <translation>−梯度</translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <source>&amp;Language</source>
      <translation>語言(&amp;L)</translation>
    </message>
    <message>
      <source>Interface language (takes effect at once)</source>
      <translation>介面語言（立即生效）</translation>
    </message>
  </context>
  <context>
    <name>LossCurvePlot</name>
    <message>
      <source>MSE vs %1, all else fixed</source>
      <translation>MSE 對 %1，其餘固定</translation>
    </message>
    <message>
      <source>MSE vs w11</source>
      <translation>MSE 對 w11</translation>
    </message>
    <message>
      <source>MSE vs w11, other weights as now</source>
      <translation>MSE 對 w11，其他權重維持目前值</translation>
    </message>
    <message>
      <source>The loss as the descending parameter varies, all else fixed. Dots are the descent steps in order; the line through the current point has the gradient as its slope; the dashed path is where the current learning rate will go.</source>
      <translation>下降參數變動、其餘固定時的損失。圓點依序為梯度下降的各步；通過目前點的直線斜率即為梯度；虛線為目前學習率將走的路徑。</translation>
    </message>
    <message>
      <source>descent steps</source>
      <translation>下降步驟</translation>
    </message>
    <message>
      <source>predicted path</source>
      <translation>預測路徑</translation>
    </message>
    <message>
      <source>tangent</source>
      <translation>切線</translation>
    </message>
    <message>
      <source>tangent, slope %1</source>
      <translation>切線，斜率 %1</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Edit</source>
      <translation>編輯(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>說明(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Paths</source>
      <translation>路徑(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>檢視(&amp;V)</translation>
    </message>
    <message>
      <source>&lt;h3&gt;CNN Backprop Visualizer {0}&lt;/h3&gt;&lt;p&gt;Backpropagation through one tiny convolutional network, exact and live: a 3x3 input, one 2x2 filter, four sigmoid cells, a linear head and the squared error. The shared weight w11 reaches the loss along four paths; its gradient is their sum.&lt;/p&gt;&lt;p&gt;The network and its derivation follow a homework exercise (HW 1-3, written in Traditional Chinese); the app shows the corrected derivation where the exercise slips (the middle sign of Step 3).&lt;/p&gt;&lt;p&gt;Free software under the MIT licence. Built with Qt for Python (PySide6, LGPLv3), NumPy, pyqtgraph and ziamath.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;CNN 反向傳播視覺化 {0}&lt;/h3&gt;&lt;p&gt;精確且即時地呈現一個小型卷積網路的反向傳播：3x3 輸入、一個 2x2 濾波器、四個 sigmoid 單元、一個線性輸出層與平方誤差。共用權重 w11 沿四條路徑影響損失，它的梯度就是這四條路徑之和。&lt;/p&gt;&lt;p&gt;網路與推導取自一份作業（HW 1-3，以繁體中文撰寫）；作業中有筆誤之處（步驟 3 中間一行的正負號），本程式顯示更正後的推導。&lt;/p&gt;&lt;p&gt;以 MIT 授權釋出的自由軟體。使用 Qt for Python（PySide6，LGPLv3）、NumPy、pyqtgraph 與 ziamath 製作。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>About</source>
      <translation>關於</translation>
    </message>
    <message>
      <source>About CNN Backprop Visualizer</source>
      <translation>關於 CNN 反向傳播視覺化</translation>
    </message>
    <message>
      <source>Default layout</source>
      <translation>預設版面配置</translation>
    </message>
    <message>
      <source>Every panel and toolbar back where it was at the first start</source>
      <translation>讓每個面板與工具列回到初次啟動時的位置</translation>
    </message>
    <message>
      <source>Fit to window</source>
      <translation>符合視窗大小</translation>
    </message>
    <message>
      <source>Hide every quiz value</source>
      <translation>隱藏所有測驗數值</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>鍵盤快速鍵</translation>
    </message>
    <message>
      <source>Leave / show all paths</source>
      <translation>離開／顯示所有路徑</translation>
    </message>
    <message>
      <source>Leave the walkthrough, then presenter mode; else show every path</source>
      <translation>先離開導覽，再離開簡報模式；否則顯示所有路徑</translation>
    </message>
    <message>
      <source>List every shortcut of the window</source>
      <translation>列出視窗的所有快速鍵</translation>
    </message>
    <message>
      <source>Make the values of the step on show the scenario's starting values</source>
      <translation>把目前顯示這一步的數值設為情境的起始值</translation>
    </message>
    <message>
      <source>Nudge check</source>
      <translation>微擾檢查</translation>
    </message>
    <message>
      <source>Panels</source>
      <translation>面板</translation>
    </message>
    <message>
      <source>Paths</source>
      <translation>路徑</translation>
    </message>
    <message>
      <source>Quiz</source>
      <translation>測驗</translation>
    </message>
    <message>
      <source>Reveal every quiz value</source>
      <translation>揭曉所有測驗數值</translation>
    </message>
    <message>
      <source>Show all paths</source>
      <translation>顯示所有路徑</translation>
    </message>
    <message>
      <source>Show path {0} alone</source>
      <translation>只顯示路徑 {0}</translation>
    </message>
    <message>
      <source>Show the quiz</source>
      <translation>顯示測驗</translation>
    </message>
    <message>
      <source>Start from here</source>
      <translation>從這裡開始</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>縮小</translation>
    </message>
  </context>
  <context>
    <name>Network</name>
    <message>
      <source>%1 needs a target yy from %2 to %3 (a probability); yy is %4. Set yy within that range first.</source>
      <translation>%1 需要介於 %2 到 %3 的目標值 yy（一個機率）；目前 yy 是 %4。請先把 yy 設在這個範圍內。</translation>
    </message>
    <message>
      <source>Activation: %1</source>
      <translation>激勵函數：%1</translation>
    </message>
    <message>
      <source>Add conv bias b</source>
      <translation>加上捲積偏差 b</translation>
    </message>
    <message>
      <source>Add head bias c</source>
      <translation>加上輸出偏差 c</translation>
    </message>
    <message>
      <source>Loss: %1</source>
      <translation>損失函數：%1</translation>
    </message>
    <message>
      <source>Remove conv bias b</source>
      <translation>移除捲積偏差 b</translation>
    </message>
    <message>
      <source>Remove head bias c</source>
      <translation>移除輸出偏差 c</translation>
    </message>
    <message>
      <source>Unknown activation: %1</source>
      <translation>未知的激勵函數：%1</translation>
    </message>
    <message>
      <source>Unknown bias: %1</source>
      <translation>未知的偏差：%1</translation>
    </message>
    <message>
      <source>Unknown loss: %1</source>
      <translation>未知的損失函數：%1</translation>
    </message>
  </context>
  <context>
    <name>NetworkMenu</name>
    <message>
      <source>&amp;Activation</source>
      <translation>激勵函數(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Loss</source>
      <translation>損失函數(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Network</source>
      <translation>網路(&amp;N)</translation>
    </message>
    <message>
      <source>(added at 0)</source>
      <translation>（加上時為 0）</translation>
    </message>
    <message>
      <source>Conv bias &amp;b</source>
      <translation>捲積偏差 b(&amp;B)</translation>
    </message>
    <message>
      <source>Head bias &amp;c</source>
      <translation>輸出偏差 c(&amp;C)</translation>
    </message>
    <message>
      <source>MSE: (yy − ŷ)² (the homework)</source>
      <translation>MSE：(yy − ŷ)²（作業）</translation>
    </message>
    <message>
      <source>ReLU: max(z, 0)</source>
      <translation>ReLU：max(z, 0)</translation>
    </message>
    <message>
      <source>Which network: the activation, the biases, the loss</source>
      <translation>哪一個網路：激勵函數、偏差、損失函數</translation>
    </message>
    <message>
      <source>cross-entropy on the logit ŷ (target in [0, 1])</source>
      <translation>以 ŷ 為 logit 的交叉熵（目標值在 [0, 1]）</translation>
    </message>
    <message>
      <source>half MSE: (yy − ŷ)² / 2</source>
      <translation>半 MSE：(yy − ŷ)² / 2</translation>
    </message>
    <message>
      <source>identity: no activation</source>
      <translation>恆等：沒有激勵函數</translation>
    </message>
    <message>
      <source>leaky ReLU: max(z, 0.01 z)</source>
      <translation>帶洩漏 ReLU：max(z, 0.01 z)</translation>
    </message>
    <message>
      <source>sigmoid s(z) (the homework)</source>
      <translation>sigmoid s(z)（作業）</translation>
    </message>
    <message>
      <source>tanh(z)</source>
      <translation>tanh(z)</translation>
    </message>
    <message>
      <source>z = window · w + b, one b shared by the cells</source>
      <translation>z = 視窗 · w + b，四個捲積格共用一個 b</translation>
    </message>
    <message>
      <source>ŷ = wa·o00 + wb·o01 + wc·o10 + wd·o11 + c</source>
      <translation>ŷ = wa·o00 + wb·o01 + wc·o10 + wd·o11 + c</translation>
    </message>
  </context>
  <context>
    <name>Optimizer</name>
    <message>
      <source>Adagrad</source>
      <translation>Adagrad</translation>
    </message>
    <message>
      <source>Adam</source>
      <translation>Adam</translation>
    </message>
    <message>
      <source>Momentum</source>
      <translation>動量法</translation>
    </message>
    <message>
      <source>Nesterov momentum</source>
      <translation>Nesterov 動量法</translation>
    </message>
    <message>
      <source>Optimizer %1</source>
      <translation>最佳化器 %1</translation>
    </message>
    <message>
      <source>RMSprop</source>
      <translation>RMSprop</translation>
    </message>
    <message>
      <source>SGD</source>
      <translation>SGD</translation>
    </message>
    <message>
      <source>SGD (plain gradient descent)</source>
      <translation>SGD（一般梯度下降）</translation>
    </message>
    <message>
      <source>Start at %1</source>
      <translation>從 %1 開始</translation>
    </message>
    <message>
      <source>first moment</source>
      <translation>一階動差</translation>
    </message>
    <message>
      <source>mean squared gradient</source>
      <translation>梯度平方的平均</translation>
    </message>
    <message>
      <source>second moment</source>
      <translation>二階動差</translation>
    </message>
    <message>
      <source>sum of squared gradients</source>
      <translation>梯度平方的總和</translation>
    </message>
    <message>
      <source>velocity</source>
      <translation>速度</translation>
    </message>
  </context>
  <context>
    <name>OptimizerControls</name>
    <message>
      <source> optimizer </source>
      <translation> 最佳化器 </translation>
    </message>
    <message>
      <source>Adam's β1</source>
      <translation>Adam 的 β1</translation>
    </message>
    <message>
      <source>Adam's β2</source>
      <translation>Adam 的 β2</translation>
    </message>
    <message>
      <source>Added to the root in the denominator, against division by 0</source>
      <translation>加在分母的平方根上，避免除以 0</translation>
    </message>
    <message>
      <source>How much of the first moment each step keeps (0.9)</source>
      <translation>每一步保留多少一階動差（0.9）</translation>
    </message>
    <message>
      <source>How much of the mean squared gradient each step keeps</source>
      <translation>每一步保留多少梯度平方的平均</translation>
    </message>
    <message>
      <source>How much of the second moment each step keeps (0.999)</source>
      <translation>每一步保留多少二階動差（0.999）</translation>
    </message>
    <message>
      <source>How much of the velocity each step keeps (0.9)</source>
      <translation>每一步保留多少速度（0.9）</translation>
    </message>
    <message>
      <source>It takes a number from 0 up to (not including) 1, such as 0.9.</source>
      <translation>可輸入 0 到 1 之間（不含 1）的數，例如 0.9。</translation>
    </message>
    <message>
      <source>Momentum μ</source>
      <translation>動量 μ</translation>
    </message>
    <message>
      <source>Nesterov's μ takes a number above 0 and below 1, such as 0.9.</source>
      <translation>Nesterov 的 μ 可輸入大於 0、小於 1 的數，例如 0.9。</translation>
    </message>
    <message>
      <source>Not changed: %1 cannot be used here.</source>
      <translation>未變更：%1 在此不能使用。</translation>
    </message>
    <message>
      <source>Optimizer</source>
      <translation>最佳化器</translation>
    </message>
    <message>
      <source>Optimizer memory</source>
      <translation>最佳化器的記憶</translation>
    </message>
    <message>
      <source>RMSprop's α</source>
      <translation>RMSprop 的 α</translation>
    </message>
    <message>
      <source>What takes the steps: plain gradient descent (the homework's), or an optimizer with PyTorch's update rule and defaults</source>
      <translation>由誰走每一步：一般梯度下降（作業的做法），或採用 PyTorch 更新規則與預設值的最佳化器</translation>
    </message>
    <message>
      <source>What the optimizer carries to the next step, for the value on the loss curve</source>
      <translation>最佳化器帶到下一步的記憶，對應損失曲線上的數值</translation>
    </message>
    <message>
      <source>ε</source>
      <translation>ε</translation>
    </message>
    <message>
      <source>ε takes a number above 0 and at most 1, such as 1e-08.</source>
      <translation>ε 可輸入大於 0、最多為 1 的數，例如 1e-08。</translation>
    </message>
  </context>
  <context>
    <name>PanelCycle</name>
    <message>
      <source>Move the keyboard focus to the next panel</source>
      <translation>將鍵盤焦點移到下一個面板</translation>
    </message>
    <message>
      <source>Move the keyboard focus to the previous panel</source>
      <translation>將鍵盤焦點移到上一個面板</translation>
    </message>
    <message>
      <source>Next panel</source>
      <translation>下一個面板</translation>
    </message>
    <message>
      <source>Previous panel</source>
      <translation>上一個面板</translation>
    </message>
  </context>
  <context>
    <name>Params</name>
    <message>
      <source>target: {loss} needs a target from {low} to {high} (a probability), not {yy}</source>
      <translation>目標：{loss} 需要介於 {low} 到 {high} 的目標值（一個機率），不能是 {yy}</translation>
    </message>
    <message>
      <source>{name} must be at most {limit} in magnitude</source>
      <translation>{name} 的絕對值不得超過 {limit}</translation>
    </message>
    <message>
      <source>{name} must be finite, not {value}</source>
      <translation>{name} 必須是有限的數，不能是 {value}</translation>
    </message>
  </context>
  <context>
    <name>Parse</name>
    <message>
      <source>'{text}' is not a number</source>
      <translation>「{text}」不是數字</translation>
    </message>
    <message>
      <source>division by zero</source>
      <translation>除以零</translation>
    </message>
    <message>
      <source>empty: type a number</source>
      <translation>空白：請輸入一個數字</translation>
    </message>
    <message>
      <source>not text</source>
      <translation>不是文字</translation>
    </message>
    <message>
      <source>out of range: the magnitude must be at most {limit}</source>
      <translation>超出範圍：絕對值不得超過 {limit}</translation>
    </message>
  </context>
  <context>
    <name>PathRow</name>
    <message>
      <source>&lt;span style='color:{0}'&gt;&lt;b&gt;{1}&lt;/b&gt; via z{2}: {3} · ∂MSE/∂ŷ&lt;br&gt;= {4} = &lt;b&gt;{5}&lt;/b&gt;&lt;/span&gt;</source>
      <translation>&lt;span style='color:{0}'&gt;&lt;b&gt;{1}&lt;/b&gt; 經由 z{2}：{3} · ∂MSE/∂ŷ&lt;br&gt;= {4} = &lt;b&gt;{5}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
      <source>&lt;span style='color:{0}'&gt;&lt;b&gt;{1}&lt;/b&gt; via {2}: {3} · ∂{6}/∂ŷ&lt;br&gt;= {4} = &lt;b&gt;{5}&lt;/b&gt;&lt;/span&gt;</source>
      <translation>&lt;span style='color:{0}'&gt;&lt;b&gt;{1}&lt;/b&gt; 經由 {2}：{3} · ∂{6}/∂ŷ&lt;br&gt;= {4} = &lt;b&gt;{5}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
      <source>Click to show this path alone (key {0}); click again for all</source>
      <translation>按一下只顯示這條路徑（按鍵 {0}）；再按一下顯示全部</translation>
    </message>
  </context>
  <context>
    <name>Paths</name>
    <message>
      <source>dead: z{cell} = {z} is not above 0, where ReLU is flat, so relu'(z{cell}) = 0 and this path carries nothing back, whatever the other factors are</source>
      <translation>已死：z{cell} = {z} 不大於 0，ReLU 在那裡是平的，所以 relu'(z{cell}) = 0，不論其他因子為何，這條路徑都傳不回任何東西</translation>
    </message>
  </context>
  <context>
    <name>PathsPanel</name>
    <message>
      <source>= the sum of its {0} path term(s):</source>
      <translation>= 其 {0} 條路徑的項之和：</translation>
    </message>
    <message>
      <source>Common factor of every term: ∂MSE/∂ŷ = −2(yy − ŷ) = &lt;b&gt;{0}&lt;/b&gt;</source>
      <translation>每一項的共同因子：∂MSE/∂ŷ = −2(yy − ŷ) = &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Common factor of every term: ∂{0}/∂ŷ = {1} = &lt;b&gt;{2}&lt;/b&gt;</source>
      <translation>每一項的共同因子：∂{0}/∂ŷ = {1} = &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Compare the gradient with a central finite difference,
({0}(v + h) - {0}(v - h)) / 2h  (N)</source>
      <translation>以中央有限差分比對梯度，
({0}(v + h) - {0}(v - h)) / 2h  (N)</translation>
    </message>
    <message>
      <source>Nudge check</source>
      <translation>微擾檢查</translation>
    </message>
    <message>
      <source>Nudge check: finite difference {0}: &lt;b&gt;{1}&lt;/b&gt; (relative error {2:.1e})</source>
      <translation>微擾檢查：有限差分 {0}：&lt;b&gt;{1}&lt;/b&gt;（相對誤差 {2:.1e}）</translation>
    </message>
    <message>
      <source>The gradient: the sum of the path terms below</source>
      <translation>梯度：下列各路徑的項之和</translation>
    </message>
    <message>
      <source>relu'(z{0}) = 0: z{0} = {1} &lt;= 0, no gradient flows through this cell</source>
      <translation>relu'(z{0}) = 0：z{0} = {1} &lt;= 0，沒有梯度流過這個捲積格</translation>
    </message>
    <message>
      <source>they DISAGREE</source>
      <translation>兩者不一致</translation>
    </message>
    <message>
      <source>they agree</source>
      <translation>兩者一致</translation>
    </message>
  </context>
  <context>
    <name>Presenter</name>
    <message>
      <source>&amp;Present</source>
      <translation>簡報(&amp;P)</translation>
    </message>
    <message>
      <source>A large ring follows the mouse pointer</source>
      <translation>一個大圓圈跟隨滑鼠指標</translation>
    </message>
    <message>
      <source>Back to zoom 1: the whole diagram, the plots and the panels on screen</source>
      <translation>回到縮放 1：整張圖、各圖表與面板都在畫面內</translation>
    </message>
    <message>
      <source>Cursor spotlight</source>
      <translation>游標聚光燈</translation>
    </message>
    <message>
      <source>Full screen, high contrast, large type; Escape leaves</source>
      <translation>全螢幕、高對比、大字體；按 Esc 離開</translation>
    </message>
    <message>
      <source>Larger type and diagram in presenter mode</source>
      <translation>簡報模式中放大文字與圖</translation>
    </message>
    <message>
      <source>Presenter fit</source>
      <translation>簡報全部置入畫面</translation>
    </message>
    <message>
      <source>Presenter mode</source>
      <translation>簡報模式</translation>
    </message>
    <message>
      <source>Presenter zoom in</source>
      <translation>簡報放大</translation>
    </message>
    <message>
      <source>Presenter zoom out</source>
      <translation>簡報縮小</translation>
    </message>
    <message>
      <source>Smaller type and diagram in presenter mode</source>
      <translation>簡報模式中縮小文字與圖</translation>
    </message>
  </context>
  <context>
    <name>Presets</name>
    <message>
      <source>A conv bias b = -0.5, added to each of the four cells (z = window . w + b), and a head bias c = 0.3, added to y_hat. b reaches the loss along four paths, one per cell, each ending in dz/db = 1, so its gradient is the sum of the four cells' dMSE/dz; c has one path with dy_hat/dc = 1, so dMSE/dc is the common factor -2(yy - y_hat) itself.</source>
      <translation>捲積偏差 b = -0.5，加到四個格的每一格（z = 視窗 . w + b），輸出層偏差 c = 0.3，加到 y_hat。b 沿四條路徑影響損失，每格一條，每條都以 dz/db = 1 結尾，所以它的梯度是四個格的 dMSE/dz 之和；c 只有一條路徑，dy_hat/dc = 1，所以 dMSE/dc 就是共同因子 -2(yy - y_hat) 本身。</translation>
    </message>
    <message>
      <source>A large filter drives every conv cell to |z| &gt; 28, where the sigmoid is flat: s'(z) is about 1e-13, so every path into w11 fades although the loss is far from zero.</source>
      <translation>很大的濾波器把每個捲積格推到 |z| &gt; 28，那裡 sigmoid 是平的：s'(z) 約為 1e-13，所以通往 w11 的每條路徑都消失，雖然損失離零還很遠。</translation>
    </message>
    <message>
      <source>A small filter keeps every z within 0.3 of 0, where tanh'(z) is above 0.91: nearly four times the sigmoid's slope there (s'(0) = 0.25), so every path into w11 passes far more back than the sigmoid's would on the same numbers. tanh is also centred on 0: o10 = tanh(-0.22) is negative, which a sigmoid output never is.</source>
      <translation>很小的濾波器讓每個 z 都在 0 附近 0.3 以內，那裡 tanh'(z) 大於 0.91：幾乎是 sigmoid 在該處斜率（s'(0) = 0.25）的四倍，所以在相同數值下，每條通往 w11 的路徑傳回的梯度都遠大於 sigmoid。tanh 也以 0 為中心：o10 = tanh(-0.22) 是負的，sigmoid 的輸出永遠不會是負的。</translation>
    </message>
    <message>
      <source>A zeroed input</source>
      <translation>輸入為零</translation>
    </message>
    <message>
      <source>Classification (cross-entropy)</source>
      <translation>分類（交叉熵）</translation>
    </message>
    <message>
      <source>Diverging learning rate</source>
      <translation>發散的學習率</translation>
    </message>
    <message>
      <source>Every weight descends at learning rate 0.2. Over w11 and w12 the loss is a long, narrow valley: plain gradient descent (sgd) overshoots its floor at every step, so w11 and w12 zig-zag across it, each step the opposite way of the last, and the loss falls slowly. Momentum and Adam, from the same start at the same learning rate, take their own paths and end far lower.</source>
      <translation>所有權重以學習率 0.2 下降。在 w11 與 w12 上，損失是一條狹長的山谷：單純的梯度下降（sgd）每一步都越過谷底，所以 w11 與 w12 在谷中來回鋸齒前進，每一步都與上一步方向相反，損失下降得很慢。Momentum 與 Adam 從同一個起點、以相同的學習率出發，走出各自的路徑，最後低得多。</translation>
    </message>
    <message>
      <source>Homework 1-3</source>
      <translation>作業 1-3</translation>
    </message>
    <message>
      <source>Narrow valley</source>
      <translation>狹長的山谷</translation>
    </message>
    <message>
      <source>Paths that cancel</source>
      <translation>互相抵消的路徑</translation>
    </message>
    <message>
      <source>ReLU: a dead path</source>
      <translation>ReLU：一條死路徑</translation>
    </message>
    <message>
      <source>Saturated sigmoid (vanishing gradient)</source>
      <translation>飽和的 sigmoid（梯度消失）</translation>
    </message>
    <message>
      <source>The four paths into w11 are each about 0.35 in size, two positive and two negative, and they sum to zero: w11 gets no gradient although the loss is 0.77.</source>
      <translation>通往 w11 的四條路徑大小都約為 0.35，兩正兩負，總和為零：雖然損失為 0.77，w11 卻得不到梯度。</translation>
    </message>
    <message>
      <source>The homework numbers with a12 = 0: the path into w11 through z01 multiplies by a12, so it carries nothing.</source>
      <translation>作業的數值，但 a12 = 0：經過 z01 通往 w11 的路徑要乘上 a12，所以它不傳遞任何梯度。</translation>
    </message>
    <message>
      <source>The homework's network as a classifier: y_hat is a logit, the predicted probability is s(y_hat) = s(0.978) = 0.727, the target yy = 1 is a class, and the loss is binary cross-entropy. The common factor of every path becomes s(y_hat) - yy = -0.273: a difference of probabilities, with no 2, never more than 1 in size however wrong the score is.</source>
      <translation>把作業的網路當作分類器：y_hat 是 logit，預測機率為 s(y_hat) = s(0.978) = 0.727，目標 yy = 1 是一個類別，損失為二元交叉熵。每條路徑的共同因子變成 s(y_hat) - yy = -0.273：兩個機率之差，沒有 2，不論分數錯得多離譜，大小都不超過 1。</translation>
    </message>
    <message>
      <source>The homework's numbers with ReLU in place of the sigmoid. z10 = -1.1 is below 0, so relu(z10) = 0 and relu'(z10) = 0: path 3 into w11 (through z10) is exactly 0 whatever its other factors are, a dead path. The other three cells have z &gt; 0, where relu' = 1, so their paths keep the whole product of the head weight and the input.</source>
      <translation>作業的數值，但以 ReLU 取代 sigmoid。z10 = -1.1 小於 0，所以 relu(z10) = 0 且 relu'(z10) = 0：經過 z10 通往 w11 的路徑 3 恰好為 0，不論其他因子為何，是一條死路徑。其他三個格的 z &gt; 0，那裡 relu' = 1，所以它們的路徑保有輸出層權重與輸入的完整乘積。</translation>
    </message>
    <message>
      <source>The homework's numbers with every weight descending together at learning rate 2: each step overshoots further, and within four steps the loss explodes. Lower the learning rate to 0.5 and the same descent settles.</source>
      <translation>作業的數值，所有權重以學習率 2 一起下降：每一步都越過得更遠，四步之內損失就爆增。把學習率降到 0.5，同樣的下降就會收斂。</translation>
    </message>
    <message>
      <source>The network of HW 1-3: one 2x2 filter over a 3x3 input, sigmoid, a linear head and MSE. w11 reaches the loss along four paths.</source>
      <translation>HW 1-3 的網路：一個 2x2 濾波器掃過 3x3 輸入，經過 sigmoid、線性輸出層與 MSE。w11 沿四條路徑影響損失。</translation>
    </message>
    <message>
      <source>With biases</source>
      <translation>含偏差項</translation>
    </message>
    <message>
      <source>tanh</source>
      <translation>tanh</translation>
    </message>
  </context>
  <context>
    <name>QuizPanel</name>
    <message>
      <source>&lt;b style='color:{0}'&gt;Not yet&lt;/b&gt;: {1} is not within {2}. Try again, or reveal.</source>
      <translation>&lt;b style='color:{0}'&gt;還不對&lt;/b&gt;：{1} 不在 {2} 以內。再試一次，或揭曉答案。</translation>
    </message>
    <message>
      <source>&lt;b style='color:{0}'&gt;Right&lt;/b&gt;: {1} is within {2} of the value.</source>
      <translation>&lt;b style='color:{0}'&gt;正確&lt;/b&gt;：{1} 與正確值相差在 {2} 以內。</translation>
    </message>
    <message>
      <source>Also hidden, as they would give these away: {0}</source>
      <translation>一併隱藏（它們會洩漏答案）：{0}</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>檢查</translation>
    </message>
    <message>
      <source>Check your prediction of %1</source>
      <translation>檢查你對%1的預測</translation>
    </message>
    <message>
      <source>Compare your prediction with the value (Enter)</source>
      <translation>將您的預測與正確值比較 (Enter)</translation>
    </message>
    <message>
      <source>Hide %1</source>
      <translation>隱藏%1</translation>
    </message>
    <message>
      <source>Hide all</source>
      <translation>全部隱藏</translation>
    </message>
    <message>
      <source>Hide every value below</source>
      <translation>隱藏下列所有數值</translation>
    </message>
    <message>
      <source>Hide this value (it shows as ? everywhere)</source>
      <translation>隱藏此數值（各處都會顯示為 ?）</translation>
    </message>
    <message>
      <source>Hide values, predict them, then check: an answer within the tolerance of the value is right.</source>
      <translation>隱藏數值、預測它們，再檢查：與正確值的差距在容許誤差內即為正確。</translation>
    </message>
    <message>
      <source>How far (relative) a prediction may be from the value</source>
      <translation>預測值與正確值可相差多少（相對誤差）</translation>
    </message>
    <message>
      <source>Quiz</source>
      <translation>測驗</translation>
    </message>
    <message>
      <source>Reveal</source>
      <translation>揭曉</translation>
    </message>
    <message>
      <source>Reveal %1</source>
      <translation>顯示%1</translation>
    </message>
    <message>
      <source>Reveal all</source>
      <translation>全部揭曉</translation>
    </message>
    <message>
      <source>Show every hidden value</source>
      <translation>顯示所有隱藏的數值</translation>
    </message>
    <message>
      <source>Show the value</source>
      <translation>顯示數值</translation>
    </message>
    <message>
      <source>The value is &lt;b&gt;{0}&lt;/b&gt;.</source>
      <translation>數值是 &lt;b&gt;{0}&lt;/b&gt;。</translation>
    </message>
    <message>
      <source>Tolerance</source>
      <translation>容許誤差</translation>
    </message>
    <message>
      <source>Tolerance of a right prediction, in percent</source>
      <translation>預測算對的容許誤差（百分比）</translation>
    </message>
    <message>
      <source>Type a number (0.5, -1e-3, 1/3) and press Enter</source>
      <translation>輸入數字（0.5、-1e-3、1/3）後按 Enter</translation>
    </message>
    <message>
      <source>Your prediction of %1</source>
      <translation>你對%1的預測</translation>
    </message>
    <message>
      <source>every other gradient</source>
      <translation>其餘所有梯度</translation>
    </message>
    <message>
      <source>path {0}'s bracket</source>
      <translation>路徑 {0} 的括號項</translation>
    </message>
    <message>
      <source>path {0}'s term</source>
      <translation>路徑 {0} 的項</translation>
    </message>
    <message>
      <source>predict</source>
      <translation>預測</translation>
    </message>
    <message>
      <source>the gradient ∂MSE/∂{0}</source>
      <translation>梯度 ∂MSE/∂{0}</translation>
    </message>
    <message>
      <source>the loss MSE</source>
      <translation>損失 MSE</translation>
    </message>
    <message>
      <source>the loss after one step</source>
      <translation>一步之後的損失</translation>
    </message>
    <message>
      <source>the prediction ŷ</source>
      <translation>預測值 ŷ</translation>
    </message>
    <message>
      <source>the sum of the brackets</source>
      <translation>括號項之和</translation>
    </message>
    <message>
      <source>{0} after one step</source>
      <translation>一步之後的 {0}</translation>
    </message>
    <message>
      <source>{0} and {1} more</source>
      <translation>{0}，以及另外 {1} 項</translation>
    </message>
  </context>
  <context>
    <name>ScenarioFiles</name>
    <message>
      <source>(none)</source>
      <translation>（無）</translation>
    </message>
    <message>
      <source>Brought into range: {0}</source>
      <translation>已調整到允許範圍：{0}</translation>
    </message>
    <message>
      <source>Cannot open scenario</source>
      <translation>無法開啟情境</translation>
    </message>
    <message>
      <source>Cannot save scenario</source>
      <translation>無法儲存情境</translation>
    </message>
    <message>
      <source>Open scenario</source>
      <translation>開啟情境檔</translation>
    </message>
    <message>
      <source>Open {0}</source>
      <translation>開啟 {0}</translation>
    </message>
    <message>
      <source>Random scenario</source>
      <translation>隨機情境</translation>
    </message>
    <message>
      <source>Read-only file</source>
      <translation>唯讀檔案</translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>復原未儲存的工作</translation>
    </message>
    <message>
      <source>Save scenario</source>
      <translation>儲存情境檔</translation>
    </message>
    <message>
      <source>Seed (the same seed, the same numbers):</source>
      <translation>種子（相同種子，相同數值）：</translation>
    </message>
    <message>
      <source>The scenario has unsaved changes. Save them first?</source>
      <translation>情境有未儲存的變更。要先儲存嗎？</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未儲存的變更</translation>
    </message>
    <message>
      <source>{0} cannot be opened:
{1}

Nothing was changed.</source>
      <translation>無法開啟 {0}：
{1}

沒有任何變更。</translation>
    </message>
    <message>
      <source>{0} could not be written:
{1}

The previous file, if any, is intact.</source>
      <translation>無法寫入 {0}：
{1}

原有的檔案（如果有）保持不變。</translation>
    </message>
    <message>
      <source>{0} is read-only. Replace it anyway?</source>
      <translation>{0} 是唯讀檔案。仍要取代嗎？</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <source>Converged: |gradient| &lt; %1 at step %2.</source>
      <translation>已收斂：第 %2 步時 |梯度| &lt; %1。</translation>
    </message>
    <message>
      <source>Load %1</source>
      <translation>載入 %1</translation>
    </message>
    <message>
      <source>Log scale</source>
      <translation>對數刻度</translation>
    </message>
    <message>
      <source>Select %1</source>
      <translation>選取 %1</translation>
    </message>
    <message>
      <source>Set %1</source>
      <translation>設定 %1</translation>
    </message>
    <message>
      <source>Set %1 at step %2</source>
      <translation>在第 %2 步設定 %1</translation>
    </message>
    <message>
      <source>Show all paths</source>
      <translation>顯示所有路徑</translation>
    </message>
    <message>
      <source>Show path %1 alone</source>
      <translation>只顯示路徑 %1</translation>
    </message>
    <message>
      <source>Stopped after %1 steps.</source>
      <translation>已在 %1 步後停止。</translation>
    </message>
    <message>
      <source>scenario</source>
      <translation>情境</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Settings cannot be saved to %1; they will be forgotten.</source>
      <translation>設定無法儲存到 %1；這些設定將不會被記住。</translation>
    </message>
    <message>
      <source>The last scenario, %1, could not be opened: %2</source>
      <translation>無法開啟上次的情境 %1：%2</translation>
    </message>
    <message>
      <source>The setting %1 could not be used and was ignored.</source>
      <translation>設定 %1 無法使用，已略過。</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>(window)</source>
      <translation>（視窗）</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>動作</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>鍵盤快速鍵</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按鍵</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>選單</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>功能</translation>
    </message>
  </context>
  <context>
    <name>Solution</name>
    <message>
      <source>Answer</source>
      <translation>答案</translation>
    </message>
    <message>
      <source>Check: a central finite difference gives {fd} (relative error {err}).</source>
      <translation>檢查：中央有限差分得 {fd}（相對誤差 {err}）。</translation>
    </message>
    <message>
      <source>Each path's share of the gradient (the common factor included):</source>
      <translation>每條路徑對梯度的貢獻（含共同因子）：</translation>
    </message>
    <message>
      <source>Given</source>
      <translation>已知</translation>
    </message>
    <message>
      <source>Input a (3×3), filter w (2×2, shared by the four conv cells), head weights wa..wd and the target yy:</source>
      <translation>輸入 a（3×3）、濾波器 w（2×2，四個捲積格共用）、輸出權重 wa..wd 與目標值 yy：</translation>
    </message>
    <message>
      <source>Path {k} is dead: z{cell} = {z} is not above 0, where ReLU is flat, so its slope is exactly 0 and the path adds nothing.</source>
      <translation>第 {k} 條路徑已死：z{cell} = {z} 不大於 0，ReLU 在那裡是平的，所以斜率恰為 0，這條路徑貢獻為零。</translation>
    </message>
    <message>
      <source>Scenario: {name}</source>
      <translation>情境：{name}</translation>
    </message>
    <message>
      <source>Step 1. Define the model's values</source>
      <translation>步驟 1. 定義模型參數</translation>
    </message>
    <message>
      <source>Step 2. The gradient of {param}: a sum over its {n} backprop paths</source>
      <translation>步驟 2. 列出 {param} 梯度公式：{n} 條反向傳播路徑之和</translation>
    </message>
    <message>
      <source>Step 2. The gradient of {param}: one backprop path</source>
      <translation>步驟 2. 列出 {param} 梯度公式：一條反向傳播路徑</translation>
    </message>
    <message>
      <source>Step 3. Compute each partial derivative</source>
      <translation>步驟 3. 計算偏微分</translation>
    </message>
    <message>
      <source>Substituting every result into the formula of Step 2:</source>
      <translation>將以上結果代入步驟 2 的梯度公式，得：</translation>
    </message>
    <message>
      <source>The gradient of the loss with respect to {param} is {value}.</source>
      <translation>損失對 {param} 的梯度為 {value}。</translation>
    </message>
    <message>
      <source>This network's activation is {activation} and its loss is {loss}.</source>
      <translation>這個網路的激勵函數是 {activation}，損失函數是 {loss}。</translation>
    </message>
    <message>
      <source>Worked solution: the gradient of {param}</source>
      <translation>詳解：{param} 的梯度</translation>
    </message>
    <message>
      <source>b is the conv bias: one number added to each of the four conv cells.</source>
      <translation>b 是捲積層的偏差：同一個數加到四個捲積格上。</translation>
    </message>
    <message>
      <source>c is the head bias, added to the prediction ŷ.</source>
      <translation>c 是輸出層的偏差，加到預測值 ŷ 上。</translation>
    </message>
    <message>
      <source>path {k} via {cell}: {value}</source>
      <translation>路徑 {k} 經由 {cell}：{value}</translation>
    </message>
    <message>
      <source>ŷ is the model's prediction; yy is the target.</source>
      <translation>ŷ 為模型的預測值；yy 為目標值。</translation>
    </message>
    <message>
      <source>z00, z01, z10, z11 are the conv layer's values before the activation function.</source>
      <translation>z00, z01, z10, z11 為捲積層送入激勵函數前的數值。</translation>
    </message>
  </context>
  <context>
    <name>StepPlots</name>
    <message>
      <source>%1 and its gradient against step</source>
      <translation>%1 及其梯度對步數</translation>
    </message>
    <message>
      <source>Loss against step</source>
      <translation>損失對步數</translation>
    </message>
    <message>
      <source>MSE (log scale)</source>
      <translation>MSE（對數刻度）</translation>
    </message>
    <message>
      <source>The loss after each step; dashed: the predicted steps.</source>
      <translation>每一步之後的損失；虛線：預測的步驟。</translation>
    </message>
    <message>
      <source>The parameter after each step (left axis) and its gradient there (right axis).</source>
      <translation>每一步之後的參數（左軸）及該處的梯度（右軸）。</translation>
    </message>
    <message>
      <source>predicted</source>
      <translation>預測</translation>
    </message>
    <message>
      <source>step</source>
      <translation>步數</translation>
    </message>
    <message>
      <source>this run</source>
      <translation>本次執行</translation>
    </message>
  </context>
  <context>
    <name>UndoActions</name>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Redo %1</source>
      <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>復原(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Undo %1</source>
      <translation>復原 %1(&amp;U)</translation>
    </message>
  </context>
  <context>
    <name>ValuesPanel</name>
    <message>
      <source>%1 not changed: %2</source>
      <translation>%1 未變更：%2</translation>
    </message>
    <message>
      <source>Descent, as text: the step on show and the ones before</source>
      <translation>梯度下降的文字版：目前這一步與之前幾步</translation>
    </message>
    <message>
      <source>Gradient</source>
      <translation>梯度</translation>
    </message>
    <message>
      <source>Gradient ∂MSE/∂·</source>
      <translation>梯度 ∂MSE/∂·</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>損失</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>說明</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>數值</translation>
    </message>
    <message>
      <source>One row a value, in the diagram's order: its name, what it is, its number and its gradient. Type a number into the Number column to change an input, a weight or the target.</source>
      <translation>每個值一列，依網路圖的順序：名稱、類別、數值與梯度。在「數值」欄輸入數字即可更改輸入、權重或目標值。</translation>
    </message>
    <message>
      <source>Paths into the selected value, as sentences</source>
      <translation>通往所選值的各條路徑（文字敘述）</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>步</translation>
    </message>
    <message>
      <source>Step %1: %2 %3, loss %4, gradient %5</source>
      <translation>第 %1 步：%2 %3，損失 %4，梯度 %5</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>數值</translation>
    </message>
    <message>
      <source>Values of the network</source>
      <translation>網路中的所有值</translation>
    </message>
    <message>
      <source>What</source>
      <translation>類別</translation>
    </message>
  </context>
  <context>
    <name>ValuesText</name>
    <message>
      <source> plus </source>
      <translation> 加 </translation>
    </message>
    <message>
      <source> times </source>
      <translation> 乘 </translation>
    </message>
    <message>
      <source>Path %1 into %2 via y_hat: %4 times dMSE/dy_hat %5 equals %6</source>
      <translation>第 %1 條路徑經 y_hat 到 %2：%4 乘 dMSE/dy_hat %5 等於 %6</translation>
    </message>
    <message>
      <source>Path %1 into %2 via z%3: %4 times dMSE/dy_hat %5 equals %6</source>
      <translation>第 %1 條路徑經 z%3 到 %2：%4 乘 dMSE/dy_hat %5 等於 %6</translation>
    </message>
    <message>
      <source>The gradient dMSE/d%1 is the sum of the paths: %2 equals %3</source>
      <translation>梯度 dMSE/d%1 是各路徑之和：%2 等於 %3</translation>
    </message>
    <message>
      <source>conv bias</source>
      <translation>捲積偏差</translation>
    </message>
    <message>
      <source>conv cell</source>
      <translation>捲積層單元</translation>
    </message>
    <message>
      <source>gradient %1</source>
      <translation>梯度 %1</translation>
    </message>
    <message>
      <source>head bias</source>
      <translation>輸出偏差</translation>
    </message>
    <message>
      <source>head weight</source>
      <translation>輸出層權重</translation>
    </message>
    <message>
      <source>input</source>
      <translation>輸入</translation>
    </message>
    <message>
      <source>kernel weight</source>
      <translation>濾波器權重</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>損失</translation>
    </message>
    <message>
      <source>output %1</source>
      <translation>輸出 %1</translation>
    </message>
    <message>
      <source>prediction</source>
      <translation>預測值</translation>
    </message>
    <message>
      <source>target</source>
      <translation>目標值</translation>
    </message>
  </context>
  <context>
    <name>Walkthrough</name>
    <message>
      <source>Backward: every path starts with dBCE/dy_hat = s(y_hat) - yy = {value}</source>
      <translation>反向傳播：每條路徑都從 dBCE/dy_hat = s(y_hat) - yy = {value} 開始</translation>
    </message>
    <message>
      <source>Backward: every path starts with dL/dy_hat = -(yy - y_hat) = {value}: halving the square removes the 2</source>
      <translation>反向傳播：每條路徑都從 dL/dy_hat = -(yy - y_hat) = {value} 開始：平方乘上一半，就消去了 2</translation>
    </message>
    <message>
      <source>Backward: every path starts with dMSE/dy_hat = -2(yy - y_hat) = {value}</source>
      <translation>反向傳播：每條路徑都從 dMSE/dy_hat = -2(yy - y_hat) = {value} 開始</translation>
    </message>
    <message>
      <source>Leaky ReLU: o{cell} = max(z{cell}, 0.01 z{cell}) = {o}</source>
      <translation>激勵函數 Leaky ReLU：o{cell} = max(z{cell}, 0.01 z{cell}) = {o}</translation>
    </message>
    <message>
      <source>No activation: o{cell} = z{cell} = {o}</source>
      <translation>沒有激勵函數：o{cell} = z{cell} = {o}</translation>
    </message>
    <message>
      <source>One Adagrad step (step {t}): the sum of squared gradients s &lt;- s + gradient^2 = {s_old} + ({grad})^2 = {s_new}; {param} &lt;- {param} - lr x gradient / (sqrt(s) + eps) = {old} - {lr} x {grad} / ({root} + {eps}) = {new}; the loss goes from {loss_old} to {loss_new}</source>
      <translation>Adagrad 一步（第 {t} 步）：梯度平方和 s &lt;- s + 梯度^2 = {s_old} + ({grad})^2 = {s_new}；{param} &lt;- {param} - lr x 梯度 / (sqrt(s) + eps) = {old} - {lr} x {grad} / ({root} + {eps}) = {new}；損失從 {loss_old} 變為 {loss_new}</translation>
    </message>
    <message>
      <source>One Adam step (betas {b1}, {b2}, step {t}): m &lt;- b1 x m + (1 - b1) x gradient = {m_new}; v &lt;- b2 x v + (1 - b2) x gradient^2 = {v_new}; corrected for their start at 0, m / (1 - b1^t) = {m_hat} and v / (1 - b2^t) = {v_hat}; {param} &lt;- {param} - lr x {m_hat} / (sqrt({v_hat}) + eps) = {old} - {lr} x {m_hat} / ({root} + {eps}) = {new}; the loss goes from {loss_old} to {loss_new}</source>
      <translation>Adam 一步（betas {b1}、{b2}，第 {t} 步）：m &lt;- b1 x m + (1 - b1) x 梯度 = {m_new}；v &lt;- b2 x v + (1 - b2) x 梯度^2 = {v_new}；修正從 0 起算的偏差，m / (1 - b1^t) = {m_hat}，v / (1 - b2^t) = {v_hat}；{param} &lt;- {param} - lr x {m_hat} / (sqrt({v_hat}) + eps) = {old} - {lr} x {m_hat} / ({root} + {eps}) = {new}；損失從 {loss_old} 變為 {loss_new}</translation>
    </message>
    <message>
      <source>One Nesterov step (mu = {mu}, step {t}): the velocity v &lt;- mu x v + gradient = {mu} x {v_old} + {grad} = {v_new}; {param} &lt;- {param} - lr x (gradient + mu x v) = {old} - {lr} x ({grad} + {mu} x {v_new}) = {new}; the loss goes from {loss_old} to {loss_new}</source>
      <translation>Nesterov 一步（mu = {mu}，第 {t} 步）：速度 v &lt;- mu x v + 梯度 = {mu} x {v_old} + {grad} = {v_new}；{param} &lt;- {param} - lr x (梯度 + mu x v) = {old} - {lr} x ({grad} + {mu} x {v_new}) = {new}；損失從 {loss_old} 變為 {loss_new}</translation>
    </message>
    <message>
      <source>One RMSprop step (alpha = {alpha}, step {t}): the mean squared gradient s &lt;- alpha x s + (1 - alpha) x gradient^2 = {alpha} x {s_old} + {keep} x ({grad})^2 = {s_new}; {param} &lt;- {param} - lr x gradient / (sqrt(s) + eps) = {old} - {lr} x {grad} / ({root} + {eps}) = {new}; the loss goes from {loss_old} to {loss_new}</source>
      <translation>RMSprop 一步（alpha = {alpha}，第 {t} 步）：梯度平方的移動平均 s &lt;- alpha x s + (1 - alpha) x 梯度^2 = {alpha} x {s_old} + {keep} x ({grad})^2 = {s_new}；{param} &lt;- {param} - lr x 梯度 / (sqrt(s) + eps) = {old} - {lr} x {grad} / ({root} + {eps}) = {new}；損失從 {loss_old} 變為 {loss_new}</translation>
    </message>
    <message>
      <source>One momentum step (mu = {mu}, step {t}): the velocity v &lt;- mu x v + gradient = {mu} x {v_old} + {grad} = {v_new}; {param} &lt;- {param} - lr x v = {old} - {lr} x {v_new} = {new}; the loss goes from {loss_old} to {loss_new}</source>
      <translation>動量法一步（mu = {mu}，第 {t} 步）：速度 v &lt;- mu x v + 梯度 = {mu} x {v_old} + {grad} = {v_new}；{param} &lt;- {param} - lr x v = {old} - {lr} x {v_new} = {new}；損失從 {loss_old} 變為 {loss_new}</translation>
    </message>
    <message>
      <source>One step: {param} &lt;- {param} - lr x gradient = {old} - {lr} x {grad} = {new} (was {old}); the loss goes from {loss_old} to {loss_new}</source>
      <translation>更新一步：{param} &lt;- {param} - lr x 梯度 = {old} - {lr} x {grad} = {new}（原為 {old}）；損失從 {loss_old} 變為 {loss_new}</translation>
    </message>
    <message>
      <source>Path {k} of {n} via z{cell} is dead: relu'(z{cell}) = 0, so {symbols} = {numbers} = {value}</source>
      <translation>第 {k} 條路徑（共 {n} 條）經過 z{cell}，已死：relu'(z{cell}) = 0，所以 {symbols} = {numbers} = {value}</translation>
    </message>
    <message>
      <source>Path {k} of {n} via z{cell}: {symbols} = {numbers} = {value}</source>
      <translation>第 {k} 條路徑（共 {n} 條），經過 z{cell}：{symbols} = {numbers} = {value}</translation>
    </message>
    <message>
      <source>Path {k} of {n}, straight into y_hat: {symbols} = {numbers} = {value}</source>
      <translation>第 {k} 條路徑（共 {n} 條），直接進入 y_hat：{symbols} = {numbers} = {value}</translation>
    </message>
    <message>
      <source>ReLU: o{cell} = max(z{cell}, 0) = max({z}, 0) = 0: z{cell} is not above 0, so this cell is dead and relu'(z{cell}) = 0</source>
      <translation>激勵函數 ReLU：o{cell} = max(z{cell}, 0) = max({z}, 0) = 0：z{cell} 不大於 0，所以這個格子已死，relu'(z{cell}) = 0</translation>
    </message>
    <message>
      <source>ReLU: o{cell} = max(z{cell}, 0) = max({z}, 0) = {o}</source>
      <translation>激勵函數 ReLU：o{cell} = max(z{cell}, 0) = max({z}, 0) = {o}</translation>
    </message>
    <message>
      <source>Sigmoid: o{cell} = s(z{cell}) = 1 / (1 + e^-{z}) = {o}</source>
      <translation>激勵函數 sigmoid：o{cell} = s(z{cell}) = 1 / (1 + e^-{z}) = {o}</translation>
    </message>
    <message>
      <source>The gradient is the sum of the paths: dMSE/d{param} = {terms} = {grad}</source>
      <translation>梯度是各路徑之和：dMSE/d{param} = {terms} = {grad}</translation>
    </message>
    <message>
      <source>The gradient is the sum of the paths: d{loss}/d{param} = {terms} = {grad}</source>
      <translation>梯度是各路徑之和：d{loss}/d{param} = {terms} = {grad}</translation>
    </message>
    <message>
      <source>The head weighs the four outputs: y_hat = {numbers} = {y_hat}</source>
      <translation>輸出層為四個輸出加權：y_hat = {numbers} = {y_hat}</translation>
    </message>
    <message>
      <source>The loss: BCE = log(1 + e^y_hat) - yy y_hat = log(1 + e^{y_hat}) - {yy} x {y_hat} = {loss}</source>
      <translation>損失：BCE = log(1 + e^y_hat) - yy y_hat = log(1 + e^{y_hat}) - {yy} x {y_hat} = {loss}</translation>
    </message>
    <message>
      <source>The loss: L = (yy - y_hat)^2 / 2 = ({yy} - {y_hat})^2 / 2 = {loss}</source>
      <translation>損失：L = (yy - y_hat)^2 / 2 = ({yy} - {y_hat})^2 / 2 = {loss}</translation>
    </message>
    <message>
      <source>The loss: MSE = (yy - y_hat)^2 = ({yy} - {y_hat})^2 = {loss}</source>
      <translation>損失：MSE = (yy - y_hat)^2 = ({yy} - {y_hat})^2 = {loss}</translation>
    </message>
    <message>
      <source>The window slides to {a0}..{a3}: z{cell} = {symbols} = {numbers} = {z}</source>
      <translation>捲積層視窗滑到 {a0}..{a3}：z{cell} = {symbols} = {numbers} = {z}</translation>
    </message>
    <message>
      <source>tanh: o{cell} = tanh(z{cell}) = tanh({z}) = {o}</source>
      <translation>激勵函數 tanh：o{cell} = tanh(z{cell}) = tanh({z}) = {o}</translation>
    </message>
  </context>
  <context>
    <name>WalkthroughController</name>
    <message>
      <source>&amp;Lecture</source>
      <translation>講解(&amp;L)</translation>
    </message>
    <message>
      <source>Back to the first step</source>
      <translation>回到第一步</translation>
    </message>
    <message>
      <source>First step</source>
      <translation>第一步</translation>
    </message>
    <message>
      <source>Guided walkthrough</source>
      <translation>逐步導覽</translation>
    </message>
    <message>
      <source>Last step</source>
      <translation>最後一步</translation>
    </message>
    <message>
      <source>Leave the walkthrough</source>
      <translation>離開導覽</translation>
    </message>
    <message>
      <source>Leave the walkthrough (Esc)</source>
      <translation>離開導覽 (Esc)</translation>
    </message>
    <message>
      <source>Next step</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>On to the update step</source>
      <translation>跳到更新步驟</translation>
    </message>
    <message>
      <source>Previous step</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Step through the forward and backward pass; Escape leaves</source>
      <translation>逐步走過前向與反向傳播；按 Esc 離開</translation>
    </message>
    <message>
      <source>The next step of the walkthrough</source>
      <translation>導覽的下一步</translation>
    </message>
    <message>
      <source>The previous step of the walkthrough</source>
      <translation>導覽的上一步</translation>
    </message>
    <message>
      <source>The step on show and the number of steps</source>
      <translation>目前的步驟與總步數</translation>
    </message>
    <message>
      <source>Walkthrough</source>
      <translation>導覽</translation>
    </message>
  </context>
</TS>
